package dotnet

import (
	"strings"
	"sync"

	"github.com/google/uuid"
)

// craneNamespace is the UUID v5 namespace of crane's derived GUIDs.
var craneNamespace = sync.OnceValue(func() uuid.UUID {
	return uuid.NewSHA1(uuid.NameSpaceURL, []byte("https://github.com/ewilde/crane"))
})

// DeriveGUID returns the upper-case UUID v5 of the joined parts in crane's
// namespace, so the .sln and the .csproj always agree and output is
// reproducible. DeriveGUID("project", "Demo") gives the same GUID every
// time; the dotnet pack's templates call it as guid, and AddSln derives an
// added project's GUID with it the same way.
func DeriveGUID(parts ...string) string {
	return strings.ToUpper(uuid.NewSHA1(craneNamespace(), []byte(strings.Join(parts, "\x00"))).String())
}
