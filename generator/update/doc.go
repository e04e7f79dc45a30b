// Package update brings a directory crane wrote forward to a newer pack
// version, or to new values: it classifies every file by the hashes of what
// crane wrote (the base, rendered again from the kept pack version), what is
// there now (ours) and what crane writes now (theirs), merges the files both
// sides changed (Merge, a diff3 merge; lines-policy files as sets) and returns
// a generator.Plan for the one writer, generator.Apply.
package update
