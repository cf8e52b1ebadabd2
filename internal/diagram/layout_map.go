package diagram

import "github.com/ekstutor/ekstutor/internal/topology"

// The map layout of the endpoint view (and the overview): outside to inside
// from left to right, AWS's side on top, the customer's below. All numbers
// are viewBox units of a 1280-wide canvas.
const (
	mapW = 1280
	mapH = 852
	// mapHServices is the map's height with the row of Regional AWS
	// services (ECR, S3) under the customer VPC, which the endpoint view
	// draws for the image pull.
	mapHServices = 956
	svcChanY     = 792 // from the IGW's gutter to the services
	vpceChanY    = 800 // from the interface endpoints to the registry

	chanY     = 274 // horizontal channel between the two VPCs
	dnsRowY   = 356 // the customer VPC's top row, where the resolver sits
	azTopChan = 390 // channel above the customer AZs
	gutterX   = 266 // region space left of the VPCs: the public way round
	laneX     = 238 // between the internet column and the region
	vpcEdgeIn = 338 // inside the customer VPC, left of the AZs
	// subnetGapY is the channel between an AZ's public subnet (ending at
	// 558) and its private subnet (starting at 572).
	subnetGapY = 565
)

// Group boxes of the map.
var (
	boxInternet  = Box{16, 16, 212, 560}
	boxConnected = Box{16, 596, 212, 184}
	boxRegion    = Box{248, 16, 1016, 764}
	boxAWSVPC    = Box{320, 48, 928, 210}
	boxCustVPC   = Box{320, 290, 928, 474}
)

// Component slots that are not per AZ.
var (
	boxLaptop    = Box{36, 104, 172, 60}
	boxPublicDNS = Box{36, 236, 172, 60}
	boxOnPrem    = Box{36, 680, 172, 64}
	boxNLB       = Box{344, 112, 112, 76}
	boxVPCDNS    = Box{374, 330, 300, 52}
	boxIGW       = Box{282, 464, 76, 72}

	// The services row and the VPC's private doors to it, which sit on
	// the customer VPC's bottom edge as the IGW sits on its left one.
	boxServices    = Box{320, 784, 928, 100}
	boxS3          = Box{380, 808, 190, 44}
	boxECRAPI      = Box{590, 808, 150, 44}
	boxECRRegistry = Box{760, 808, 170, 44}
	boxS3Gateway   = Box{400, 746, 150, 36}
	boxVPCE        = Box{570, 744, 190, 40}
)

func awsAZ(i int) Box { return Box{496 + i*248, 84, 236, 160} }
func apiBox(i int) Box {
	a := awsAZ(i)
	return Box{a.X + 12, 112, 102, 76}
}
func etcdBox(i int) Box {
	a := awsAZ(i)
	return Box{a.X + 122, 112, 102, 76}
}

func custAZ(i int) Box     { return Box{362 + i*442, 398, 430, 354} }
func pubSubnet(i int) Box  { return Box{custAZ(i).X + 12, 428, 406, 130} }
func privSubnet(i int) Box { return Box{custAZ(i).X + 12, 572, 406, 168} }

// subnetBox is the subnet of AZ i of the given kind.
func subnetBox(k topology.SubnetKind, i int) Box {
	if k == topology.SubnetPublic {
		return pubSubnet(i)
	}
	return privSubnet(i)
}

func natBox(i int) Box { return Box{pubSubnet(i).X + 36, 470, 90, 60} }

// nodeBox: a worker node, in its subnet's first free slot.
func nodeBox(k topology.SubnetKind, i int) Box {
	if k == topology.SubnetPublic {
		return Box{pubSubnet(i).X + 138, 446, 140, 100}
	}
	return Box{privSubnet(i).X + 12, 604, 168, 100}
}

// eniBox: the EKS-owned ENI sits at the right of its subnet, under a free
// vertical lane up to the control plane.
func eniBox(k topology.SubnetKind, i int) Box {
	s := subnetBox(k, i)
	return Box{s.X + 298, s.Y + 50, 96, 64}
}

// bastionBox: the bastion host sits in the public subnet of the last AZ,
// or in its private subnet when nodes take the public subnet's free slot.
func bastionBox(nodes topology.SubnetKind, azs int) Box {
	i := azs - 1
	if nodes == topology.SubnetPublic {
		return Box{privSubnet(i).X + 188, 620, 100, 64}
	}
	return Box{pubSubnet(i).X + 138, 466, 140, 64}
}

// mapScene lays out the model on the map and returns the scene. services
// adds the row of Regional AWS services and the VPC endpoints the
// configuration has (the endpoint view; the overview leaves them out).
func mapScene(t topology.Topology, cfg topology.Config, lang string, services bool) *scene {
	h, region := mapH, boxRegion
	if services {
		h, region.H = mapHServices, boxServices.Y2()+8-boxRegion.Y
	}
	s := newScene(mapW, h)
	s.areas[topology.ZoneInternet] = boxInternet
	s.areas[topology.ZoneConnected] = boxConnected
	s.areas[topology.ZoneAWSManaged] = boxAWSVPC
	s.areas[topology.ZoneCustomerVPC] = boxCustVPC
	if z, ok := zoneOf(t, topology.ZoneInternet); ok {
		s.addZone(boxInternet, "zone zone--internet", z.Name.In(lang))
	}
	if _, ok := zoneOf(t, topology.ZoneConnected); ok {
		s.addZone(boxConnected, "zone zone--connected", lblConnected.In(lang))
	}
	s.addZone(region, "zone zone--region", lblRegion.In(lang))
	awsAZs := azCount(t, topology.ZoneAWSManaged, 3)
	custAZs := azCount(t, topology.ZoneCustomerVPC, 2)
	if _, ok := zoneOf(t, topology.ZoneAWSManaged); ok {
		s.addZone(boxAWSVPC, "zone zone--aws-managed", lblAWSVPC.In(lang))
		for i := 0; i < awsAZs; i++ {
			s.addZone(awsAZ(i), "az", azName(lang, i))
		}
	}
	if _, ok := zoneOf(t, topology.ZoneCustomerVPC); ok {
		s.addZone(boxCustVPC, "zone zone--vpc", lblCustVPC.In(lang))
		for i := 0; i < custAZs; i++ {
			s.addZone(custAZ(i), "az", azName(lang, i))
			s.addZone(pubSubnet(i), "subnet subnet--public", topology.SubnetPublic.Label().In(lang))
			// The private subnet's caption sits bottom-left, out of the way
			// of the paths that leave the node upwards.
			s.addZoneBottom(privSubnet(i), "subnet subnet--private", topology.SubnetPrivate.Label().In(lang))
		}
	}
	if z, ok := zoneOf(t, topology.ZoneAWSServices); ok && services {
		s.areas[topology.ZoneAWSServices] = boxServices
		// Captioned bottom-left, out of the way of the lanes coming down.
		s.addZoneBottom(boxServices, "zone zone--aws-services", z.Name.In(lang))
	}
	placeAll(s, t, awsAZs, custAZs, func(c topology.Component, az int) (Box, bool) {
		if !services && serviceSlot(c.ID) {
			return Box{}, false
		}
		return mapSlot(c, az, cfg, custAZs)
	})
	return s
}

// serviceSlot reports whether a component belongs to the services row or
// its doors.
func serviceSlot(id topology.ComponentID) bool {
	switch id {
	case topology.ECRAPI, topology.ECRRegistry, topology.S3, topology.S3Gateway, topology.InterfaceEndpoints:
		return true
	}
	return false
}

// mapSlot is where a component instance goes on the map.
func mapSlot(c topology.Component, az int, cfg topology.Config, custAZs int) (Box, bool) {
	sub := c.Subnet
	if sub == "" {
		sub = topology.SubnetPrivate
	}
	switch c.ID {
	case topology.Kubectl:
		switch c.Zone {
		case topology.ZoneCustomerVPC:
			return bastionBox(cfg.Nodes.Subnet(), custAZs), true
		case topology.ZoneConnected:
			return boxOnPrem, true
		}
		return boxLaptop, true
	case topology.PublicDNS:
		return boxPublicDNS, true
	case topology.VPCDNS:
		return boxVPCDNS, true
	case topology.NLB:
		return boxNLB, true
	case topology.APIServer:
		return apiBox(az), true
	case topology.Etcd:
		return etcdBox(az), true
	case topology.EKSENI:
		return eniBox(sub, az), true
	case topology.Kubelet:
		return nodeBox(sub, az), true
	case topology.IGW:
		return boxIGW, true
	case topology.NATGateway:
		return natBox(az), true
	case topology.ECRAPI:
		return boxECRAPI, true
	case topology.ECRRegistry:
		return boxECRRegistry, true
	case topology.S3:
		return boxS3, true
	case topology.S3Gateway:
		// Drawn only where the VPC has one, as the interface endpoints.
		return boxS3Gateway, cfg.HasEndpoint(topology.SvcS3)
	case topology.InterfaceEndpoints:
		return boxVPCE, hasInterfaceEndpoint(cfg)
	}
	return Box{}, false
}

// hasInterfaceEndpoint reports whether cfg has any interface endpoint.
func hasInterfaceEndpoint(cfg topology.Config) bool {
	for _, e := range cfg.Endpoints {
		if !e.Gateway() {
			return true
		}
	}
	return false
}
