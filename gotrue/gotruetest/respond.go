package gotruetest

import (
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/google/uuid"
)

// apiError is netlify/gotrue's HTTPError: {"code":…,"msg":…}, plus an
// error_id on 5xx answers.
type apiError struct {
	Code    int    `json:"code"`
	Msg     string `json:"msg"`
	ErrorID string `json:"error_id,omitempty"`
}

// oauthError is the /token grant error shape; its status is always 400.
type oauthError struct {
	Err         string `json:"error"`
	Description string `json:"error_description,omitempty"`
}

func (e *apiError) Error() string   { return e.Msg }
func (e *oauthError) Error() string { return e.Err + ": " + e.Description }

func httpError(code int, format string, args ...any) *apiError {
	return &apiError{Code: code, Msg: fmt.Sprintf(format, args...)}
}

func badRequest(format string, args ...any) *apiError {
	return httpError(http.StatusBadRequest, format, args...)
}

func unprocessable(format string, args ...any) *apiError {
	return httpError(http.StatusUnprocessableEntity, format, args...)
}

func unauthorized(format string, args ...any) *apiError {
	return httpError(http.StatusUnauthorized, format, args...)
}

func notFound(format string, args ...any) *apiError {
	return httpError(http.StatusNotFound, format, args...)
}

func oauthErr(code, desc string) *oauthError { return &oauthError{Err: code, Description: desc} }

func sendJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		status, b = http.StatusInternalServerError, []byte(`{"code":500,"msg":"Error encoding json"}`)
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

// sendError writes err in the shape netlify/gotrue uses for it.
func sendError(w http.ResponseWriter, err error) {
	switch e := err.(type) {
	case *oauthError:
		sendJSON(w, http.StatusBadRequest, e)
	case *apiError:
		if e.Code >= 500 && e.ErrorID == "" {
			e.ErrorID = uuid.NewString()
		}
		sendJSON(w, e.Code, e)
	default:
		sendJSON(w, http.StatusInternalServerError, &apiError{Code: 500, Msg: err.Error(), ErrorID: uuid.NewString()})
	}
}
