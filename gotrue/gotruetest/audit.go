package gotruetest

import (
	"net/http"
	"strings"
	"time"

	"github.com/google/uuid"
)

type auditEntry struct {
	ID        string       `json:"id"`
	Payload   auditPayload `json:"payload"`
	CreatedAt string       `json:"created_at"`
}

type auditPayload struct {
	ActorID       string `json:"actor_id"`
	ActorUsername string `json:"actor_username"`
	Action        string `json:"action"`
	LogType       string `json:"log_type"`
}

var auditLogTypes = map[string]string{
	"login": "account", "logout": "account", "invite_accepted": "account", "user_signedup": "team",
	"user_invited": "team", "user_deleted": "team", "user_modified": "user",
	"user_recovery_requested": "user", "token_refreshed": "token",
}

// record appends an audit-log entry; callers hold s.mu.
func (s *Server) record(rc reqCtx, u *user, action string) {
	s.audit = append(s.audit, auditEntry{
		ID:        uuid.NewString(),
		Payload:   auditPayload{ActorID: u.id, ActorUsername: u.email, Action: action, LogType: auditLogTypes[action]},
		CreatedAt: rc.now.UTC().Format(time.RFC3339Nano),
	})
}

// adminAudit serves GET /admin/audit: entries newest first, paginated, with
// `query` matching the actor or the action.
func (s *Server) adminAudit(w http.ResponseWriter, r *http.Request, _ string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rc := s.begin()
	if _, ok := s.requireAdmin(w, rc, r); !ok {
		return
	}
	pg, err := paginate(r)
	if err != nil {
		sendError(w, badRequest("Bad Pagination Parameters: %v", err))
		return
	}
	query := strings.ToLower(r.URL.Query().Get("query"))
	var entries []auditEntry
	for i := len(s.audit) - 1; i >= 0; i-- {
		e := s.audit[i]
		if query == "" || strings.Contains(strings.ToLower(e.Payload.ActorUsername+" "+e.Payload.Action), query) {
			entries = append(entries, e)
		}
	}
	pg.setHeaders(w, r, len(entries))
	out := paginateSlice(pg, entries)
	if out == nil {
		out = []auditEntry{}
	}
	sendJSON(w, http.StatusOK, out)
}
