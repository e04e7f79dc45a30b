package generator

import (
	"fmt"
	"strings"
)

// windowsDevices are the names Windows treats as devices in any folder and
// with any extension (CON, con.txt, COM1.log): writing one writes to the
// device, not a file.
var windowsDevices = map[string]bool{
	"CON": true, "PRN": true, "AUX": true, "NUL": true, "CONIN$": true, "CONOUT$": true,
	"COM1": true, "COM2": true, "COM3": true, "COM4": true, "COM5": true, "COM6": true, "COM7": true, "COM8": true, "COM9": true,
	"LPT1": true, "LPT2": true, "LPT3": true, "LPT4": true, "LPT5": true, "LPT6": true, "LPT7": true, "LPT8": true, "LPT9": true,
}

// checkPortablePath refuses a rendered path (already clean, relative and
// inside the target: see checkRelPath) that some file system would read as
// something else: a control character or NUL, a character Windows forbids
// (<>:"|?*), a Windows device name, a segment ending in a dot or a space
// (Windows drops them, so ".git." is .git), or a short name for .git
// ("GIT~1"), or an invisible character HFS+ ignores (".g\u200cit" is .git
// on macOS, as git's own CVE-2014-9390 fix knows). A pack renders the same tree on every system.
func checkPortablePath(p string) error {
	for _, r := range p {
		if r < 0x20 || r == 0x7f {
			return fmt.Errorf("path %q has a control character", p)
		}
		if hfsIgnored(r) {
			return fmt.Errorf("path %q has an invisible character (U+%04X), which macOS ignores in names, so .g\u200cit is .git there", p, r)
		}
	}
	if i := strings.IndexAny(p, `<>:"|?*`); i >= 0 {
		return fmt.Errorf("path %q has %q, which Windows does not allow in file names", p, p[i])
	}
	for _, seg := range strings.Split(p, "/") {
		stem, _, _ := strings.Cut(seg, ".")
		if windowsDevices[strings.ToUpper(strings.TrimRight(stem, " "))] {
			return fmt.Errorf("path %q: %s is a device name on Windows", p, seg)
		}
		if strings.HasSuffix(seg, ".") || strings.HasSuffix(seg, " ") {
			return fmt.Errorf("path %q: %q ends in a dot or a space, which Windows drops", p, seg)
		}
		if strings.EqualFold(seg, "git~1") {
			return fmt.Errorf("path %q is not allowed: %s is a short name of .git on Windows", p, seg)
		}
	}
	return nil
}

// caseCollision returns two paths of the sorted tree that differ only in
// case (one file on macOS and Windows: the second would overwrite the
// first), or "" and "".
func caseCollision(tree Tree) (string, string) {
	seen := make(map[string]string, len(tree))
	for _, f := range tree {
		key := strings.ToLower(f.Path)
		if other, ok := seen[key]; ok {
			return other, f.Path
		}
		seen[key] = f.Path
	}
	return "", ""
}

// hfsIgnored reports the code points HFS+ drops from names when comparing
// them (the list git checks in is_hfs_dotgit).
func hfsIgnored(r rune) bool {
	switch {
	case r >= 0x200c && r <= 0x200f, r >= 0x202a && r <= 0x202e, r >= 0x206a && r <= 0x206f, r == 0xfeff:
		return true
	}
	return false
}
