package main

func init() {
	register(&command{name: "serve", summary: "serve the HTTP API and the web playground", usage: serveUsage,
		run: func(e *env, args []string) int { return cmdServe(args, e.stdout, e.stderr) }})
}
