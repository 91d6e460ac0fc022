module github.com/minhbach/minhbach

go 1.26.8

require (
	github.com/BurntSushi/toml v1.6.0
	github.com/evanw/esbuild v0.28.2
	github.com/yuin/goldmark v1.8.7
	golang.org/x/text v0.43.0
)

require golang.org/x/sys v0.49.0 // indirect
