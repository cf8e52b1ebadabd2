package iac

// The lab's field names (internal/params' ConfigSchema) the readers and
// Carried set; a test checks each is a field of the schema.
const (
	fieldPublic       = "public"
	fieldPrivate      = "private"
	fieldCIDRs        = "cidrs"
	fieldNodes        = "nodes"
	fieldDNSHostnames = "dns_hostnames"
	fieldDNSSupport   = "dns_support"
	fieldEndpoints    = "endpoints"
)
