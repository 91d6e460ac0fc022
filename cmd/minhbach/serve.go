package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"runtime/debug"
	"runtime/metrics"
	"syscall"

	"github.com/minhbach/minhbach/internal/server"
	"github.com/minhbach/minhbach/internal/site"
)

const serveSynopsis = `serve [flags]

Builds the site and serves --out for preview on http://127.0.0.1:1313/.
Watches content/, layouts/, static/, i18n/ and config.toml, rebuilds on every
save and reloads open pages; a failed build is shown in the page while the
last good output stays served.`

func serve(args []string, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return serveUntil(ctx, args, stdout, stderr)
}

// serveUntil runs the preview until ctx ends; serve ends it on Ctrl+C or
// SIGTERM, tests by cancelling.
func serveUntil(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("serve", serveSynopsis, stderr)
	var bf buildFlags
	bf.register(fs)
	port := fs.Int("port", 1313, "the port to listen on (0 picks a free one)")
	bind := fs.String("bind", "127.0.0.1", "the address to listen on; only loopback unless you say otherwise")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	opts, err := bf.options()
	if err != nil {
		fmt.Fprintln(stderr, "minhbach:", err)
		return 2
	}
	addr := net.JoinHostPort(*bind, fmt.Sprint(*port))
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		fmt.Fprintf(stderr, "minhbach: cannot listen on %s: %v (try --port with another number)\n", addr, err)
		return 1
	}
	if !isLoopback(ln.Addr()) {
		fmt.Fprintf(stderr, "minhbach: warning: serving on %s, reachable from other machines; the preview is not meant to be public\n", ln.Addr())
	}
	p := server.Preview{Source: opts.Source, Out: opts.Out, Build: previewBuild(opts, stderr), Listener: ln, Log: stdout}
	if err := p.Run(ctx); err != nil {
		fmt.Fprintln(stderr, "minhbach:", err)
		return 1
	}
	fmt.Fprintln(stdout, "stopped")
	return 0
}

// previewBuild builds the site for the preview, printing its warnings and
// errors as build does; the preview prints the timing and shows the errors
// in the browser. After the first build each rebuild updates the output in
// place, rewriting only the files an edit changed.
func previewBuild(opts site.Options, stderr io.Writer) func() error {
	b := site.NewBuilder(opts)
	return func() error {
		res, err := b.Build()
		giveRebuildsHeadroom()
		if res != nil {
			for _, w := range res.Warnings {
				fmt.Fprintln(stderr, w.Error())
			}
		}
		if _, ok := printErrors(stderr, err); err != nil && !ok {
			fmt.Fprintln(stderr, err)
		}
		return err
	}
}

// rebuildHeadroom is how much garbage serve lets pile up, at least,
// before the collector runs. A rebuild after one edit of the 10k corpus
// allocates about as much as the ~100 MB serve keeps live, so Go's default
// (GOGC=100) collected once a rebuild, 10–20% of its CPU.
const rebuildHeadroom = 256 << 20

// giveRebuildsHeadroom raises the collector's target above the live heap
// to at least rebuildHeadroom, unless GOGC says otherwise. A large site,
// whose live heap is larger than that, keeps the default: its rebuilds
// are not worth twice its memory.
func giveRebuildsHeadroom() {
	if os.Getenv("GOGC") != "" {
		return
	}
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(sample)
	if sample[0].Value.Kind() != metrics.KindUint64 {
		return
	}
	debug.SetGCPercent(rebuildGCPercent(sample[0].Value.Uint64()))
}

// rebuildGCPercent is the GOGC that leaves rebuildHeadroom above a live
// heap of live bytes, and never less than Go's default.
func rebuildGCPercent(live uint64) int {
	if live == 0 || live >= rebuildHeadroom {
		return 100
	}
	return max(100, int(rebuildHeadroom*100/live))
}

func isLoopback(a net.Addr) bool {
	tcp, ok := a.(*net.TCPAddr)
	return ok && tcp.IP.IsLoopback()
}
