module github.com/tokenlint/tokenlint/bench

go 1.26.0
