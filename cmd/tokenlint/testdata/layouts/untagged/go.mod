module example.com/untagged
