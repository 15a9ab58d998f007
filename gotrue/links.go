package gotrue

import "strings"

// link is one entry of a Link header.
type link struct{ target, rel string }

// splitLinks reads a Link header (RFC 8288) of the form GoTrue writes:
// <target>; rel="name", separated by commas.
func splitLinks(header string) []link {
	var out []link
	for _, part := range strings.Split(header, ",") {
		target, params, ok := strings.Cut(strings.TrimSpace(part), ";")
		target = strings.TrimSpace(target)
		if !ok || !strings.HasPrefix(target, "<") || !strings.HasSuffix(target, ">") {
			continue
		}
		for _, p := range strings.Split(params, ";") {
			k, v, _ := strings.Cut(strings.TrimSpace(p), "=")
			if strings.EqualFold(k, "rel") {
				out = append(out, link{target: target[1 : len(target)-1], rel: strings.Trim(v, `"`)})
			}
		}
	}
	return out
}
