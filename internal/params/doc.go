// Package params is the public query contract of the tutor: the query
// parameters that describe a cluster configuration, a player state or a
// standalone diagram, decoded into the model's types and encoded back in
// one canonical form. Every route that reads these parameters (the API,
// the chapter player, /diagrams, later the lab, the OpenAPI document and
// the generators) uses this package, so a bad parameter gets the same
// answer everywhere: every problem at once, each naming its parameter
// and what is accepted, in both languages.
package params
