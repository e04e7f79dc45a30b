package generator

// Policy says how a rendered file is written into a directory that may
// already hold it (see DESIGN.md, "Writing into a directory").
type Policy string

// The policies.
const (
	// PolicyCreate: create when absent, otherwise leave (report if not crane's).
	PolicyCreate Policy = "create"
	// PolicyManaged: create when absent; replace when crane wrote it and the
	// user has not changed it; otherwise keep the user's and report it.
	PolicyManaged Policy = "managed"
	// PolicySeed: create when absent, otherwise leave silently.
	PolicySeed Policy = "seed"
	// PolicyLines: create when absent, otherwise add the missing lines in a
	// crane block, keeping the user's lines and their order.
	PolicyLines Policy = "lines"
)

// Policies lists every policy.
var Policies = []Policy{PolicyCreate, PolicyManaged, PolicySeed, PolicyLines}

func defaultPolicy(component string) Policy {
	if component == ComponentBuild {
		return PolicyManaged
	}
	return PolicyCreate
}
