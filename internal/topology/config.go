package topology

import "errors"

// Location is where a client (kubectl) runs.
type Location string

// The places a kubectl client can run.
const (
	LocInternet  Location = "internet"  // an admin laptop on the internet
	LocVPC       Location = "vpc"       // a bastion host (or CloudShell VPC environment) in the customer VPC
	LocConnected Location = "connected" // a network joined to the VPC by VPN, Direct Connect or peering
)

// SubnetKind says whether a subnet routes to the internet gateway directly.
type SubnetKind string

// Subnet kinds of the customer VPC.
const (
	SubnetPublic  SubnetKind = "public"
	SubnetPrivate SubnetKind = "private"
)

// Config is a cluster configuration: everything the resolver reads. New
// fields (public access CIDRs, VPC DNS settings, NAT, VPC endpoints) join
// here with a zero value that keeps today's behaviour, so older links and
// API calls keep their meaning.
type Config struct {
	PublicAccess  bool       `json:"public_access"`
	PrivateAccess bool       `json:"private_access"`
	Client        Location   `json:"client"`      // where kubectl runs
	NodeSubnet    SubnetKind `json:"node_subnet"` // where the worker nodes run
}

// ErrNoEndpoint is returned for a configuration with both public and
// private access off, which EKS refuses.
var ErrNoEndpoint = errors.New("at least one of public and private endpoint access must be enabled")

// ConfigFor returns the configuration the tutor uses to teach a mode:
// nodes in private subnets, kubectl on the internet while the public
// endpoint is on, and on a bastion host inside the VPC in private mode
// (where the internet has no way in).
func ConfigFor(m Mode) (Config, error) {
	if _, err := ParseMode(string(m)); err != nil {
		return Config{}, err
	}
	c := Config{NodeSubnet: SubnetPrivate}
	switch m {
	case ModePublic:
		c.PublicAccess = true
	case ModePublicPrivate:
		c.PublicAccess, c.PrivateAccess = true, true
	case ModePrivate:
		c.PrivateAccess = true
	}
	c.Client = DefaultClient(c.PublicAccess)
	return c, nil
}

// Mode names the endpoint mode of c, or "" when both access flags are off.
func (c Config) Mode() Mode {
	switch {
	case c.PublicAccess && c.PrivateAccess:
		return ModePublicPrivate
	case c.PublicAccess:
		return ModePublic
	case c.PrivateAccess:
		return ModePrivate
	}
	return ""
}

// Validate reports the first thing wrong with c, naming the field.
func (c Config) Validate() error {
	if !c.PublicAccess && !c.PrivateAccess {
		return ErrNoEndpoint
	}
	if _, err := ParseLocation(string(c.Client)); err != nil {
		return err
	}
	_, err := ParseSubnetKind(string(c.NodeSubnet))
	return err
}

// FieldError says which field (a Config field by its JSON name, or the
// name a Parse function reads, such as "mode") holds a value the model
// does not know, and which values it would accept, so callers can point
// at the right input and say, in the reader's language, what would do.
type FieldError struct {
	Field    string
	Value    string   // the refused value
	Accepted []string // the values the field takes, in teaching order
	Msg      string   // the English sentence Error returns
}

// Error returns the English message, which names the field, the value and
// the accepted values.
func (e *FieldError) Error() string { return e.Msg }

// DefaultClient is where the tutor puts kubectl when nobody says: on the
// internet while the public endpoint is on, otherwise on a bastion host in
// the VPC (the internet has no way in).
func DefaultClient(publicAccess bool) Location {
	if publicAccess {
		return LocInternet
	}
	return LocVPC
}
