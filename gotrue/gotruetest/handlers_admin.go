package gotruetest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strings"

	"github.com/google/uuid"
)

func decodeJSON(body []byte, v any) error {
	return json.NewDecoder(bytes.NewReader(body)).Decode(v)
}

// adminUserParams is gotrue's name for the admin create and update body.
type adminUserParams struct {
	Aud      string         `json:"aud"`
	Role     string         `json:"role"`
	Email    string         `json:"email"`
	Password *string        `json:"password"`
	Confirm  bool           `json:"confirm"`
	Data     map[string]any `json:"user_metadata"`
	AppData  map[string]any `json:"app_metadata"`
}

// adminList serves GET /admin/users: the users of the request aud, newest
// first, paginated with X-Total-Count and Link.
func (s *Server) adminList(w http.ResponseWriter, r *http.Request, _ string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rc := s.begin()
	ac, ok := s.requireAdmin(w, rc, r)
	if !ok {
		return
	}
	pg, err := paginate(r)
	if err != nil {
		sendError(w, badRequest("Bad Pagination Parameters: %v", err))
		return
	}
	asc, err := parseSort(r.URL.Query().Get("sort"))
	if err != nil {
		sendError(w, badRequest("Bad Sort Parameters: %v", err))
		return
	}
	users := s.listUsers(ac.aud, r.URL.Query().Get("filter"), asc)
	out := make([]userJSON, 0, pg.perPage)
	for _, u := range pg.slice(users) {
		out = append(out, u.render(rc))
	}
	pg.setHeaders(w, r, len(users))
	sendJSON(w, http.StatusOK, struct {
		Aud   string     `json:"aud"`
		Users []userJSON `json:"users"`
	}{ac.aud, out})
}

func (s *Server) listUsers(aud, filter string, asc bool) []*user {
	match := filterMatcher(filter)
	var out []*user
	for _, u := range s.users {
		if u.aud == aud && match(u) {
			out = append(out, u)
		}
	}
	if !asc {
		slices.Reverse(out)
	}
	return out
}

// filterMatcher is gotrue's SQL LIKE on email or user_metadata.full_name,
// case-insensitive, where % and _ are wildcards.
func filterMatcher(filter string) func(*user) bool {
	if filter == "" {
		return func(*user) bool { return true }
	}
	var b strings.Builder
	for _, r := range filter {
		switch r {
		case '%':
			b.WriteString(".*")
		case '_':
			b.WriteString(".")
		default:
			b.WriteString(regexp.QuoteMeta(string(r)))
		}
	}
	re := regexp.MustCompile("(?is)" + b.String())
	return func(u *user) bool {
		name, _ := u.userMetadata["full_name"].(string)
		return re.MatchString(u.email) || re.MatchString(name)
	}
}

func parseSort(sort string) (asc bool, err error) {
	if sort == "" {
		return false, nil
	}
	for _, part := range strings.Split(sort, ",") {
		fields := strings.Fields(part)
		if len(fields) == 0 || fields[0] != "created_at" {
			return false, fmt.Errorf("bad field for sort %q", part)
		}
		if len(fields) > 1 {
			switch strings.ToLower(fields[1]) {
			case "asc":
				asc = true
			case "desc":
				asc = false
			default:
				return false, fmt.Errorf("bad direction for sort %q", fields[1])
			}
		}
	}
	return asc, nil
}

// adminCreate serves POST /admin/users. app_metadata is ignored on create,
// as in gotrue; no mail is sent.
func (s *Server) adminCreate(w http.ResponseWriter, r *http.Request, _ string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rc := s.begin()
	ac, ok := s.requireAdmin(w, rc, r)
	if !ok {
		return
	}
	var p adminUserParams
	if err := decodeJSON(ac.body, &p); err != nil {
		sendError(w, badRequest("Could not decode admin user params: %v", err))
		return
	}
	if s.cfg.DisableEmail {
		sendError(w, badRequest("Unsupported email provider"))
		return
	}
	if err := validateEmail(p.Email); err != nil {
		sendError(w, err)
		return
	}
	if s.userByEmail(ac.aud, p.Email) != nil {
		sendError(w, unprocessable("Email address already registered by another user"))
		return
	}
	u := s.newUser(rc, ac.aud, p.Email)
	if p.Password != nil {
		u.setPassword(*p.Password)
	}
	if p.Role != "" {
		u.role = p.Role
	}
	if p.Confirm {
		u.confirmedAt = rc.stamp()
	}
	u.userMetadata = p.Data
	s.record(rc, u, "user_signedup")
	sendJSON(w, http.StatusOK, u.render(rc))
}

// adminUser runs the admin check, then loads the user named in the path.
func (s *Server) adminUser(w http.ResponseWriter, r *http.Request, rc reqCtx, id string) (*adminCtx, *user) {
	ac, ok := s.requireAdmin(w, rc, r)
	if !ok {
		return nil, nil
	}
	parsed, err := uuid.Parse(id)
	if err != nil {
		sendError(w, badRequest("user_id must be an UUID"))
		return nil, nil
	}
	u := s.userByID(parsed.String())
	if u == nil {
		sendError(w, notFound("User not found"))
		return nil, nil
	}
	return ac, u
}

// adminGet serves GET /admin/users/{id}.
func (s *Server) adminGet(w http.ResponseWriter, r *http.Request, id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rc := s.begin()
	if _, u := s.adminUser(w, r, rc, id); u != nil {
		sendJSON(w, http.StatusOK, u.render(rc))
	}
}

// adminUpdate serves PUT /admin/users/{id}: role, confirm, password and
// email apply at once; both metadata objects merge.
func (s *Server) adminUpdate(w http.ResponseWriter, r *http.Request, id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rc := s.begin()
	ac, u := s.adminUser(w, r, rc, id)
	if u == nil {
		return
	}
	var p adminUserParams
	if err := decodeJSON(ac.body, &p); err != nil {
		sendError(w, badRequest("Could not decode admin user params: %v", err))
		return
	}
	if p.Email != "" {
		if other := s.userByEmail(u.aud, p.Email); other != nil && other.id != u.id {
			sendError(w, httpError(http.StatusInternalServerError, "Error updating user"))
			return
		}
		u.email = p.Email
	}
	s.applyAdminUpdate(rc, u, &p)
	s.record(rc, u, "user_modified")
	sendJSON(w, http.StatusOK, u.render(rc))
}

func (s *Server) applyAdminUpdate(rc reqCtx, u *user, p *adminUserParams) {
	if p.Role != "" {
		u.role = p.Role
	}
	if p.Confirm {
		u.confirmedAt = rc.stamp()
	}
	if p.Password != nil {
		u.setPassword(*p.Password)
	}
	u.readBack(rc)
	if p.AppData != nil {
		u.appMetadata = mergeMetadata(u.appMetadata, p.AppData)
	}
	if p.Data != nil {
		u.userMetadata = mergeMetadata(u.userMetadata, p.Data)
	}
	u.updatedAt = rc.stamp()
}

// adminDelete serves DELETE /admin/users/{id}.
func (s *Server) adminDelete(w http.ResponseWriter, r *http.Request, id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rc := s.begin()
	if _, u := s.adminUser(w, r, rc, id); u != nil {
		s.record(rc, u, "user_deleted")
		s.deleteUser(u.id)
		sendJSON(w, http.StatusOK, struct{}{})
	}
}
