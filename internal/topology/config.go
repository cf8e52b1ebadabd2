package topology

import (
	"errors"
	"fmt"
	"net/netip"
)

// Location is where a client (kubectl) runs.
type Location string

// The places a kubectl client can run.
const (
	LocInternet  Location = "internet"  // an admin laptop on the internet
	LocVPC       Location = "vpc"       // a bastion host (or CloudShell VPC environment) in the customer VPC
	LocConnected Location = "connected" // a network joined to the VPC by VPN, Direct Connect or peering, using its own DNS
	// LocConnectedDNS is a connected network whose DNS forwards the
	// endpoint's name to the VPC resolver (a Route 53 Resolver inbound
	// endpoint or similar), so it gets the VPC's answer.
	LocConnectedDNS Location = "connected-dns"
)

// connected reports whether l is a network joined to the VPC.
func (l Location) connected() bool { return l == LocConnected || l == LocConnectedDNS }

// SubnetKind says whether a subnet routes to the internet gateway directly.
type SubnetKind string

// Subnet kinds of the customer VPC.
const (
	SubnetPublic  SubnetKind = "public"
	SubnetPrivate SubnetKind = "private"
)

// NodePlacement is where the worker nodes run and how they reach
// anything outside the VPC.
type NodePlacement string

// Where worker nodes can run.
const (
	// NodesPublic: public subnets, each node with a public IP, routed to
	// the internet gateway.
	NodesPublic NodePlacement = "public"
	// NodesPrivateNAT: private subnets whose default route is a NAT
	// gateway in a public subnet (the EKS default in this course).
	NodesPrivateNAT NodePlacement = "private-nat"
	// NodesPrivateIsolated: private subnets with no route to the internet
	// at all; AWS services are reachable only through VPC endpoints.
	NodesPrivateIsolated NodePlacement = "private-isolated"
)

// Subnet is the kind of subnet the nodes (and the EKS-owned ENIs, which
// this model puts in the node subnets) sit in.
func (n NodePlacement) Subnet() SubnetKind {
	if n == NodesPublic {
		return SubnetPublic
	}
	return SubnetPrivate
}

// Egress reports whether the nodes have a route to public addresses.
func (n NodePlacement) Egress() bool { return n == NodesPublic || n == NodesPrivateNAT }

// Service is an AWS service a VPC endpoint can be created for, named as
// the last part of its endpoint service name (com.amazonaws.<region>.ecr.api).
type Service string

// The VPC endpoint services the lab knows, from the curriculum's list for
// nodes without outbound internet access.
const (
	SvcECRAPI Service = "ecr.api"              // Amazon ECR API (interface)
	SvcECRDKR Service = "ecr.dkr"              // Amazon ECR Docker registry (interface)
	SvcS3     Service = "s3"                   // Amazon S3, where image layers live (gateway)
	SvcSTS    Service = "sts"                  // AWS STS, for IAM roles for service accounts (interface)
	SvcEC2    Service = "ec2"                  // Amazon EC2 API: node names, pod IPs (interface)
	SvcLogs   Service = "logs"                 // Amazon CloudWatch Logs (interface)
	SvcELB    Service = "elasticloadbalancing" // Elastic Load Balancing, for the load balancer controller (interface)
)

// Gateway reports whether the service's endpoint is a gateway endpoint (a
// route table target) rather than an interface endpoint (ENIs with
// private IPs, billed per hour per AZ).
func (s Service) Gateway() bool { return s == SvcS3 }

// EndpointName is the service's full endpoint service name in region.
func (s Service) EndpointName(region string) string {
	return "com.amazonaws." + region + "." + string(s)
}

// MaxPublicAccessCIDRs is EKS's limit on public access CIDRs per cluster
// (not adjustable).
const MaxPublicAccessCIDRs = 40

// Config is a cluster configuration: everything the resolver reads. Start
// from DefaultConfig (or ConfigFor) and change fields: the zero value of
// some fields (the DNS attributes, sg443, the addresses) is not the EKS
// default, and Validate refuses missing addresses rather than guessing.
type Config struct {
	PublicAccess  bool `json:"public_access"`
	PrivateAccess bool `json:"private_access"`
	// PublicAccessCIDRs restrict who reaches the public endpoint: at
	// most MaxPublicAccessCIDRs IPv4 blocks (an IPv4 cluster refuses IPv6).
	PublicAccessCIDRs []netip.Prefix `json:"public_access_cidrs"`
	Client            Location       `json:"client"` // where kubectl runs
	// ClientIP is the client's public IPv4 address where it reaches the
	// public endpoint: the laptop's, the bastion's, or a connected
	// network's own internet breakout.
	ClientIP netip.Addr    `json:"client_ip"`
	Nodes    NodePlacement `json:"nodes"` // where the worker nodes run
	// NATIP is the address node traffic leaves the VPC with: the NAT
	// gateway's Elastic IP, or the nodes' public IP in public subnets.
	NATIP        netip.Addr `json:"nat_ip"`
	DNSHostnames bool       `json:"dns_hostnames"` // the VPC's enableDnsHostnames
	DNSSupport   bool       `json:"dns_support"`   // the VPC's enableDnsSupport
	Endpoints    []Service  `json:"endpoints"`     // VPC endpoints in the customer VPC, in Services() order
	// SG443 says the cluster security group allows 443 from the client's
	// network (a bastion's security group, a VPN's CIDR): the private
	// path's door for kubectl.
	SG443 bool `json:"sg443"`
}

// DefaultConfig is the EKS default for a new cluster (EKS API and
// console): public access on, private off, public access CIDRs
// 0.0.0.0/0, VPC DNS hostnames and resolution on, no VPC endpoints; with
// the course's placement: kubectl on the internet, nodes in private
// subnets behind a NAT gateway, the cluster security group open to the
// client on 443. The addresses are from the documentation ranges.
func DefaultConfig() Config {
	return Config{
		PublicAccess:      true,
		PublicAccessCIDRs: []netip.Prefix{netip.PrefixFrom(netip.IPv4Unspecified(), 0)},
		Client:            LocInternet,
		ClientIP:          netip.AddrFrom4([4]byte{203, 0, 113, 10}),
		Nodes:             NodesPrivateNAT,
		NATIP:             netip.AddrFrom4([4]byte{198, 51, 100, 7}),
		DNSHostnames:      true,
		DNSSupport:        true,
		Endpoints:         []Service{},
		SG443:             true,
	}
}

// ErrNoEndpoint is returned for a configuration with both public and
// private access off, which EKS refuses.
var ErrNoEndpoint = errors.New("at least one of public and private endpoint access must be enabled")

// ConfigFor returns the configuration the tutor uses to teach a mode: the
// EKS defaults with the mode's access flags, and kubectl on the internet
// while the public endpoint is on, on a bastion host inside the VPC in
// private mode (where the internet has no way in).
func ConfigFor(m Mode) (Config, error) {
	if _, err := ParseMode(string(m)); err != nil {
		return Config{}, err
	}
	c := DefaultConfig()
	c.PublicAccess = m != ModePrivate
	c.PrivateAccess = m != ModePublic
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

// HasEndpoint reports whether the configuration has a VPC endpoint for s.
func (c Config) HasEndpoint(s Service) bool {
	for _, e := range c.Endpoints {
		if e == s {
			return true
		}
	}
	return false
}

// Validate reports the first thing wrong with c, naming the field.
func (c Config) Validate() error {
	if !c.PublicAccess && !c.PrivateAccess {
		return ErrNoEndpoint
	}
	if _, err := ParseLocation(string(c.Client)); err != nil {
		return err
	}
	if _, err := ParseNodePlacement(string(c.Nodes)); err != nil {
		return err
	}
	if err := validateCIDRs(c.PublicAccessCIDRs); err != nil {
		return err
	}
	for _, a := range []struct {
		field string
		addr  netip.Addr
	}{{"client_ip", c.ClientIP}, {"nat_ip", c.NATIP}} {
		if !a.addr.Is4() {
			return &FieldError{Field: a.field, Value: a.addr.String(), Msg: fmt.Sprintf("%s %q is not an IPv4 address", a.field, a.addr)}
		}
	}
	seen := map[Service]bool{}
	for _, s := range c.Endpoints {
		if _, err := ParseService(string(s)); err != nil {
			return err
		}
		if seen[s] {
			return &FieldError{Field: "endpoints", Value: string(s), Msg: fmt.Sprintf("endpoints lists %q twice", s)}
		}
		seen[s] = true
	}
	return nil
}

func validateCIDRs(ps []netip.Prefix) error {
	const field = "public_access_cidrs"
	if len(ps) == 0 || len(ps) > MaxPublicAccessCIDRs {
		return &FieldError{Field: field, Value: fmt.Sprint(len(ps)),
			Msg: fmt.Sprintf("%s must list 1 to %d CIDR blocks (got %d)", field, MaxPublicAccessCIDRs, len(ps))}
	}
	for _, p := range ps {
		if !p.IsValid() || !p.Addr().Is4() || p.Masked() != p {
			return &FieldError{Field: field, Value: p.String(),
				Msg: fmt.Sprintf("%s: %q is not an IPv4 network address with a prefix length (an IPv4 cluster refuses IPv6 CIDRs)", field, p)}
		}
	}
	return nil
}

// FieldError says which field (a Config field by its JSON name, or the
// name a Parse function reads, such as "mode") holds a value the model
// does not know, and which values it would accept, so callers can point
// at the right input and say, in the reader's language, what would do.
type FieldError struct {
	Field    string
	Value    string   // the refused value
	Accepted []string // the values the field takes, in teaching order (empty for open sets)
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
