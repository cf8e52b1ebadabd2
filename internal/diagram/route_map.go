package diagram

import "github.com/ekstutor/ekstutor/internal/topology"

// mapRoute draws the way between two placed components on the map as an
// orthogonal polyline from a's edge to b's edge. Routes are symmetric: a
// pair is looked up in either order and reversed as needed.
func mapRoute(a, b placed) []Point {
	if pts, ok := mapSpecial(a, b); ok {
		return pts
	}
	if pts, ok := mapSpecial(b, a); ok {
		return reversed(pts)
	}
	return autoRoute(a.box, b.box)
}

// mapSpecial knows the routes that must go around something: the public
// way out of the VPC and back in, the channel between the two VPCs, the
// lanes beside the internet column.
func mapSpecial(a, b placed) ([]Point, bool) {
	A, B := a.box, b.box
	switch {
	case a.id == topology.IGW && b.id == topology.NLB:
		// Out of the customer VPC into the region's public space and back
		// in through the NLB's public face.
		return []Point{{A.X, A.CY()}, {gutterX, A.CY()}, {gutterX, B.Y2() - 22}, {B.X, B.Y2() - 22}}, true
	case a.id == topology.IGW && isService(b.id):
		// Out of the customer VPC, down the region's public space and
		// along under the VPC to the service's public face.
		y := A.Y2() - 12
		return []Point{{A.X, y}, {gutterX, y}, {gutterX, svcChanY}, {B.CX(), svcChanY}, {B.CX(), B.Y}}, true
	case a.id == topology.Kubelet && b.id == topology.S3Gateway:
		x := min(A.X2(), B.X2()) - 20 // clear of the subnet's caption
		return []Point{{x, A.Y2()}, {x, B.Y}}, true
	case a.id == topology.Kubelet && b.id == topology.InterfaceEndpoints:
		x, y := A.X2()-8, B.Y-20
		return []Point{{x, A.Y2()}, {x, y}, {B.CX(), y}, {B.CX(), B.Y}}, true
	case a.id == topology.InterfaceEndpoints && b.id == topology.ECRRegistry:
		x := A.X2() - 12
		return []Point{{x, A.Y2()}, {x, vpceChanY}, {B.CX(), vpceChanY}, {B.CX(), B.Y}}, true
	case a.id == topology.Kubectl && a.comp.Zone == topology.ZoneConnected:
		return onPremRoute(A, b), true
	case a.id == topology.Kubectl && a.comp.Zone == topology.ZoneCustomerVPC:
		if pts, ok := bastionRoute(A, b); ok {
			return pts, true
		}
	case a.id == topology.APIServer && b.id == topology.EKSENI:
		return []Point{{A.CX(), A.Y2()}, {A.CX(), chanY}, {B.CX(), chanY}, {B.CX(), B.Y}}, true
	case a.id == topology.NLB && b.id == topology.APIServer && b.az > 0:
		return []Point{{A.CX(), A.Y2()}, {A.CX(), 218}, {B.CX(), 218}, {B.CX(), B.Y2()}}, true
	case a.id == topology.Kubelet && b.id == topology.VPCDNS:
		x := min(A.X+150, A.X2()-14)
		if x > B.X && x < B.X2() {
			return []Point{{x, A.Y}, {x, B.Y2()}}, true
		}
		return []Point{{x, A.Y}, {x, dnsRowY}, {B.X2(), dnsRowY}}, true
	case a.id == topology.Kubelet && b.id == topology.IGW:
		// Nodes in a public subnet (a lab layout): down into the channel
		// between the public and the private subnet, where no caption is
		// and the image pull's numbers have room, then up into the IGW.
		return []Point{{A.X + 14, A.Y2()}, {A.X + 14, subnetGapY}, {vpcEdgeIn, subnetGapY}, {vpcEdgeIn, B.Y2()}}, true
	case a.id == topology.NATGateway && b.id == topology.IGW && a.az > 0:
		// Up at the NAT gateway's right, clear of the subnet's caption.
		return []Point{{A.X2() - 10, A.Y}, {A.X2() - 10, azTopChan}, {vpcEdgeIn, azTopChan}, {vpcEdgeIn, B.Y}}, true
	}
	return nil, false
}

// onPremRoute leaves the connected network along the lanes between the
// internet column and the region.
func onPremRoute(A Box, b placed) []Point {
	B := b.box
	switch b.id {
	case topology.PublicDNS:
		return []Point{{A.CX(), A.Y}, {B.CX(), B.Y2()}}
	case topology.VPCDNS:
		return []Point{{A.X2(), A.Y + 14}, {laneX - 4, A.Y + 14}, {laneX - 4, B.CY()}, {B.X, B.CY()}}
	case topology.NLB:
		return []Point{{A.X2(), A.Y2() - 14}, {laneX + 4, A.Y2() - 14}, {laneX + 4, B.CY() - 12}, {B.X, B.CY() - 12}}
	}
	// Into the customer VPC under the nodes, then up into the ENI.
	return []Point{{A.X2(), A.CY()}, {B.CX(), A.CY()}, {B.CX(), B.Y2()}}
}

// bastionRoute leaves the bastion host inside the customer VPC.
func bastionRoute(A Box, b placed) ([]Point, bool) {
	B := b.box
	switch b.id {
	case topology.VPCDNS:
		return []Point{{A.CX(), A.Y}, {A.CX(), dnsRowY}, {B.X2(), dnsRowY}}, true
	case topology.EKSENI:
		if A.X2() <= B.X {
			return []Point{{A.CX(), A.Y2()}, {A.CX(), B.CY()}, {B.X, B.CY()}}, true
		}
	case topology.IGW:
		return []Point{{A.CX(), A.Y}, {A.CX(), azTopChan}, {vpcEdgeIn, azTopChan}, {vpcEdgeIn, B.Y}}, true
	}
	return nil, false
}

// autoRoute joins two boxes: straight across where they face each other,
// otherwise out of a's top or bottom and into b's side.
func autoRoute(A, B Box) []Point {
	if lo, hi := max(A.X, B.X), min(A.X2(), B.X2()); hi-lo >= 16 {
		x := (lo + hi) / 2
		if A.Y2() <= B.Y {
			return []Point{{x, A.Y2()}, {x, B.Y}}
		}
		return []Point{{x, A.Y}, {x, B.Y2()}}
	}
	if lo, hi := max(A.Y, B.Y), min(A.Y2(), B.Y2()); hi-lo >= 16 {
		y := (lo + hi) / 2
		if A.X2() <= B.X {
			return []Point{{A.X2(), y}, {B.X, y}}
		}
		return []Point{{A.X, y}, {B.X2(), y}}
	}
	ay := A.Y2()
	if B.CY() < A.CY() {
		ay = A.Y
	}
	bx := B.X
	if B.CX() < A.CX() {
		bx = B.X2()
	}
	return []Point{{A.CX(), ay}, {A.CX(), B.CY()}, {bx, B.CY()}}
}

// isService reports whether c is one of the Regional AWS services.
func isService(c topology.ComponentID) bool {
	return c == topology.ECRAPI || c == topology.ECRRegistry || c == topology.S3
}
