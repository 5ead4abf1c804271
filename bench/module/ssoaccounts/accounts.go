// Package ssoaccounts lists the accounts an IAM Identity Center (SSO) access
// token can reach. It contains no finding.
package ssoaccounts

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/sso"
)

// Account is one reachable account.
type Account struct {
	ID    string
	Name  string
	Email string
}

// List returns the accounts visible to accessToken.
func List(ctx context.Context, region, accessToken string) ([]Account, error) {
	cfg, err := config.LoadDefaultConfig(ctx, config.WithRegion(region))
	if err != nil {
		return nil, fmt.Errorf("load config: %w", err)
	}
	client := sso.NewFromConfig(cfg)
	var accounts []Account
	p := sso.NewListAccountsPaginator(client, &sso.ListAccountsInput{AccessToken: aws.String(accessToken)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("list accounts: %w", err)
		}
		for _, a := range page.AccountList {
			accounts = append(accounts, Account{
				ID:    aws.ToString(a.AccountId),
				Name:  aws.ToString(a.AccountName),
				Email: aws.ToString(a.EmailAddress),
			})
		}
	}
	return accounts, nil
}
