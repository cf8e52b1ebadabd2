package iac

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/ekstutor/ekstutor/internal/params"
)

func BenchmarkExport(b *testing.B) {
	c, _ := params.DecodeConfig("private=true&cidrs=203.0.113.0/24,198.51.100.7/32&endpoints=ecr.api,ecr.dkr,s3,ec2")
	for _, f := range Formats() {
		b.Run(string(f), func(b *testing.B) {
			for b.Loop() {
				_ = Export(f, c)
			}
		})
	}
}

func BenchmarkImport(b *testing.B) {
	for _, name := range []string{"describe-cluster.json", "eksctl-cluster.yaml", "aws-cli.sh", "main.tf", "cloudformation.yaml"} {
		paste, err := os.ReadFile(filepath.Join("testdata", "samples", name))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(paste)))
			for b.Loop() {
				if _, err := Import(paste); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
