package iac

func importTerraform(paste []byte) (Result, error) {
	return Result{}, &Error{Code: CodeUnknownFormat, Format: Terraform}
}
