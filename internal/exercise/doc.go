// Package exercise holds the "trace the path" exercises: content data
// (data/exercises.yaml) naming a configuration, a flow and a kind of
// question, and the check of a learner's answer. The answer is never
// written by an author: Check compares the learner's path with the hop
// steps topology.Resolve computes for the exercise's configuration, and
// explains a wrong step with the reason of the step that should have been
// there.
package exercise
