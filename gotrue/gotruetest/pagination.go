package gotruetest

import (
	"math"
	"net/http"
	"strconv"
)

type pagination struct {
	page, perPage uint64
}

// paginate reads page (default 1) and per_page (default 50).
func paginate(r *http.Request) (pagination, error) {
	p := pagination{page: 1, perPage: 50}
	q := r.URL.Query()
	var err error
	if v := q.Get("page"); v != "" {
		if p.page, err = strconv.ParseUint(v, 10, 64); err != nil {
			return p, err
		}
	}
	if v := q.Get("per_page"); v != "" {
		if p.perPage, err = strconv.ParseUint(v, 10, 64); err != nil {
			return p, err
		}
	}
	return p, nil
}

func (p pagination) offset() uint64 {
	if p.page == 0 {
		return 0
	}
	return (p.page - 1) * p.perPage
}

func paginateSlice[T any](p pagination, items []T) []T {
	off := p.offset()
	if off >= uint64(len(items)) {
		return nil
	}
	end := min(off+p.perPage, uint64(len(items)))
	return items[off:end]
}

func (p pagination) slice(users []*user) []*user { return paginateSlice(p, users) }

// setHeaders writes X-Total-Count and Link as gotrue's addPaginationHeaders:
// next, prev, then last, each the request path with its query re-encoded.
func (p pagination) setHeaders(w http.ResponseWriter, r *http.Request, total int) {
	q := r.URL.Query()
	link := func(page uint64, rel string) string {
		q.Set("page", strconv.FormatUint(page, 10))
		return "<" + r.URL.Path + "?" + q.Encode() + ">; rel=\"" + rel + "\""
	}
	links := ""
	if p.offset()+p.perPage < uint64(total) {
		links += link(p.page+1, "next") + ", "
	}
	if p.page > 1 {
		links += link(p.page-1, "prev") + ", "
	}
	last := uint64(0)
	if p.perPage > 0 {
		last = uint64(math.Ceil(float64(total) / float64(p.perPage)))
	}
	w.Header().Add("Link", links+link(last, "last"))
	w.Header().Set("X-Total-Count", strconv.Itoa(total))
}
