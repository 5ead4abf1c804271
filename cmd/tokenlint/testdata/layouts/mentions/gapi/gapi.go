// Package gapi is an API client that imports signer and nothing else
// that can carry AWS credentials, as every Google API client imports
// golang.org/x/oauth2/google: nothing signer exports produces
// credentials, so the standalone driver does not analyse gapi, and go
// vet finds nothing in it either.
package gapi

import (
	"fmt"
	"net/http"
	"os"

	"example.com/mentions/signer"
)

// Client calls the API.
type Client struct {
	HTTP  *http.Client
	Debug bool
}

// Get fetches one resource.
func (c *Client) Get(url string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	signer.Sign(req)
	if c.Debug {
		fmt.Fprintln(os.Stderr, req.Header)
	}
	return c.HTTP.Do(req)
}
