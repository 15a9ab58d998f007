//go:build !js

package main

import (
	"fmt"
	"os/exec"
	"runtime"
	"strings"
	"time"
)

// table is the benchmark's output: one row per measurement, with the
// baseline measured in the same run and the ratio to it.
type table struct {
	rows [][5]string
}

func (t *table) add(section, what, ours, base string, ratio float64) {
	r := "-"
	if ratio > 0 {
		r = fmt.Sprintf("%.2fx", ratio)
	}
	t.rows = append(t.rows, [5]string{section, what, ours, base, r})
}

func (t *table) render(took time.Duration) string {
	var b strings.Builder
	cpu, _ := exec.Command("sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2").Output()
	fmt.Fprintf(&b, "gotrue-wasm benchmark, %s, %s %s/%s, %d cores,%s, took %s\n\n", time.Now().UTC().Format("2006-01-02 15:04 MST"),
		runtime.Version(), runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), strings.TrimRight(string(cpu), "\n"), took.Round(time.Second))
	fmt.Fprintf(&b, "| %-10s | %-52s | %-22s | %-30s | %-7s |\n", "area", "measure", "gotrue-wasm", "baseline (same run)", "ratio")
	fmt.Fprintf(&b, "|%s|%s|%s|%s|%s|\n", strings.Repeat("-", 12), strings.Repeat("-", 54), strings.Repeat("-", 24), strings.Repeat("-", 32), strings.Repeat("-", 9))
	for _, r := range t.rows {
		fmt.Fprintf(&b, "| %-10s | %-52s | %-22s | %-30s | %-7s |\n", r[0], r[1], r[2], r[3], r[4])
	}
	return b.String()
}

func kb(n int) string { return fmt.Sprintf("%.1f kB", float64(n)/1000) }

func ms(v float64) string { return fmt.Sprintf("%.1f ms", v) }

func us(v float64) string { return fmt.Sprintf("%.2f µs", v) }
