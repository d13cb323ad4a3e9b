//go:build tools

// Package tools pins the Pulumi CLI and the Node.js language host so that
// scripts/setup.sh can build both from Go modules at one version.
package tools

import (
	_ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
)
