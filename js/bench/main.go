//go:build !js

// Command bench measures what the swap from gotrue-js costs, every row
// against a baseline measured in the same run: sizes against a floor
// program (only syscall/js, same build flags) and gotrue-js 1.0.1, start-up
// against the floor loaded the same way, synchronous calls against a
// trivial Go call, network operations and a refresh storm against
// gotrue-js, and memory over login/jwt/logout cycles. Run it with make
// bench; it needs Chromium and js/tools (npm ci). -only start-up runs one
// area; BENCH_SAMPLES=1 prints each page's start-up samples to stderr.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

func main() {
	loads := flag.Int("loads", 31, "page loads per start-up measurement (single loads spread 20-130 ms here)")
	cycles := flag.Int("cycles", 10000, "login/jwt/logout cycles for the memory rows")
	out := flag.String("out", "artifacts/bench.txt", "where to write the table as well")
	only := flag.String("only", "", "run only this area of the browser rows (start-up, calls, network, shaped, storm, memory)")
	rounds := flag.Int("rounds", 5, "loads per page of the shaped-link rows (medians)")
	flag.Parse()
	if err := run(*loads, *cycles, *rounds, *out, *only); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func run(loads, cycles, rounds int, out, only string) error {
	start := time.Now()
	tmp, err := os.MkdirTemp("", "gotrue-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	b, err := prepare(tmp)
	if err != nil {
		return err
	}
	t := &table{}
	b.sizes(t)
	if err := b.nodeImport(t); err != nil {
		return err
	}
	env, err := b.browser(tmp)
	if err != nil {
		return err
	}
	defer env.close()
	steps := []struct {
		area string
		run  func(*table) error
	}{
		{"start-up", func(t *table) error { return env.startup(t, loads) }},
		{"calls", env.syncCalls},
		{"network", env.network},
		{"network", env.overhead},
		{"shaped", func(t *table) error { return env.realNetwork(t, b, rounds) }},
		{"storm", env.storm},
		{"memory", func(t *table) error { return env.memory(t, cycles) }},
		{"memory", func(t *table) error { return env.instances(t, 10*cycles) }},
		{"memory", env.largeOptions},
	}
	for _, step := range steps {
		if only != "" && step.area != only {
			continue
		}
		if err := step.run(t); err != nil {
			return err
		}
	}
	text := t.render(time.Since(start))
	fmt.Print(text)
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err == nil {
		_ = os.WriteFile(out, []byte(text), 0o644)
	}
	return nil
}
