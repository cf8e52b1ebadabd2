package topology

// Locations lists where a kubectl client can run. (Temporary: the
// vocabulary work replaces this file.)
func Locations() []Location { return []Location{LocInternet, LocVPC, LocConnected} }

// SubnetKinds lists the node subnet kinds. (Temporary, as above.)
func SubnetKinds() []SubnetKind { return []SubnetKind{SubnetPublic, SubnetPrivate} }
