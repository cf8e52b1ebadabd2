package topology

// Zone is a boxed area of the network. Zones nest through Parent.
type Zone struct {
	ID     ZoneID `json:"id"`
	Parent ZoneID `json:"parent,omitempty"`
	AZs    int    `json:"azs,omitempty"` // availability zones the zone spans (VPCs only)
	Name   Text   `json:"name"`
}

// Component is a thing packets come from, go to or pass through.
type Component struct {
	ID     ComponentID `json:"id"`
	Zone   ZoneID      `json:"zone"`
	Subnet SubnetKind  `json:"subnet,omitempty"` // customer VPC components only
	PerAZ  bool        `json:"per_az,omitempty"` // one instance in each AZ of its zone
	Name   Text        `json:"name"`
}

// Link is a path packets can take between two components, in either
// direction, and the network it crosses.
type Link struct {
	A       ComponentID `json:"a"`
	B       ComponentID `json:"b"`
	Network Network     `json:"network"`
}

// Topology is the whole model for one configuration: what exists and how it
// is wired. Diagrams draw it; the resolver walks it.
type Topology struct {
	Zones      []Zone      `json:"zones"`
	Components []Component `json:"components"`
	Links      []Link      `json:"links"`
}
