package iac

func importShell(paste []byte) (Result, error) {
	return Result{}, &Error{Code: CodeUnknownFormat, Format: AWSCLI}
}
