module example.com/tags
