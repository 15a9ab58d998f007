package gotruetest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestConcurrentRefreshHasOneWinner(t *testing.T) {
	t.Parallel()
	e := setup(t)
	_, rt := e.signupConfirmed("race@example.com")
	var wg sync.WaitGroup
	statuses := make([]int, 20)
	for i := range statuses {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res, err := http.PostForm(e.ts.URL+prefix+"/token", url.Values{"grant_type": {"refresh_token"}, "refresh_token": {rt}})
			if err == nil {
				statuses[i] = res.StatusCode
				res.Body.Close()
			}
		}()
	}
	wg.Wait()
	wins := 0
	for _, s := range statuses {
		if s == 200 {
			wins++
		}
	}
	assert.Equal(t, 1, wins, "rotation: the losers get invalid_grant")
}

func TestConcurrentSignups(t *testing.T) {
	t.Parallel()
	e := setup(t, WithAutoconfirm(true))
	var wg sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			body := fmt.Sprintf(`{"email":"c%d@example.com","password":"pw"}`, i)
			req, _ := http.NewRequest("POST", e.ts.URL+prefix+"/signup", strings.NewReader(body))
			if res, err := http.DefaultClient.Do(req); err == nil {
				res.Body.Close()
			}
		}()
	}
	wg.Wait()
	r := e.call("GET", "/admin/users", "", bearer(e.srv.Config().OperatorToken)...)
	assert.Equal(t, "50", r.header.Get("X-Total-Count"))
}

func TestMailHandler(t *testing.T) {
	t.Parallel()
	e := setup(t)
	e.call("POST", "/signup", `{"email":"a@example.com","password":"x"}`)
	e.call("POST", "/signup", `{"email":"b@example.com","password":"x"}`)
	rec := httptest.NewRecorder()
	e.srv.MailHandler().ServeHTTP(rec, httptest.NewRequest("GET", "/_inbox", nil))
	assert.Equal(t, "application/json", rec.Header().Get("Content-Type"))
	var mails []Mail
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &mails))
	require.Len(t, mails, 2)
	assert.Equal(t, "b@example.com", mails[0].To, "newest first")
	assert.Equal(t, MailConfirmation, mails[0].Kind)
	assert.Contains(t, rec.Body.String(), `"link":"http://localhost:8080/#confirmation_token=`)
	rec = httptest.NewRecorder()
	e.srv.MailHandler().ServeHTTP(rec, httptest.NewRequest("DELETE", "/_inbox", nil))
	assert.Empty(t, e.srv.Mails())
}

func TestStartAndClose(t *testing.T) {
	t.Parallel()
	srv := New()
	base, err := srv.Start("127.0.0.1:0")
	require.NoError(t, err)
	res, err := http.Get(base + "/health")
	require.NoError(t, err)
	res.Body.Close()
	assert.Equal(t, 200, res.StatusCode)
	require.NoError(t, srv.Close())
	_, err = http.Get(base + "/health")
	assert.Error(t, err)
}
