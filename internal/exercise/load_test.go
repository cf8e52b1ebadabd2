package exercise_test

import (
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ekstutor/ekstutor/internal/exercise"
)

const prompt = "\n  prompt: {en: Trace it., ko: 따라가 보십시오.}\n"

// TestBrokenData: every kind of broken exercise data stops the server
// with a message naming the file and the exercise.
func TestBrokenData(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"unknown key", "- id: a\n  mode: public\n  flow: kubelet-to-apiserver\n  kind: path\n  answer: [kubelet]" + prompt,
			"content: data/exercises.yaml: malformed YAML: unmarshal errors:\n  line 5: field answer not found in type exercise.entry (expected a list of {id, mode | preset | lab, flow, kind, prompt: {en, ko}})"},
		{"unknown mode", "- id: a\n  mode: open\n  flow: kubelet-to-apiserver\n  kind: path" + prompt,
			`content: data/exercises.yaml: exercise 1 (id "a"): mode "open" is not an endpoint access mode (accepted: public, public-private, private)`},
		{"unknown flow", "- id: a\n  mode: public\n  flow: pod-to-s3\n  kind: path" + prompt,
			`content: data/exercises.yaml: exercise 1 (id "a"): flow "pod-to-s3" is not a flow (accepted: kubectl-to-apiserver, apiserver-to-kubelet, kubelet-to-apiserver, node-to-ecr)`},
		{"unknown kind", "- id: a\n  mode: public\n  flow: kubelet-to-apiserver\n  kind: quiz" + prompt,
			`content: data/exercises.yaml: exercise 1 (id "a"): kind "quiz" is not a kind of exercise (accepted: path, stop)`},
		{"unknown preset", "- id: a\n  preset: nope\n  flow: kubelet-to-apiserver\n  kind: stop" + prompt,
			`content: data/exercises.yaml: exercise 1 (id "a"): preset "nope" is not a lab preset (accepted: eks-default, public-and-private, private-bastion, locked-out-nodes, isolated-no-endpoints, private-admin-internet, onprem-no-dns-forwarding)`},
		{"lab query params rejects", "- id: a\n  lab: public=false&private=false\n  label: {en: Off, ko: 끔}\n  flow: kubelet-to-apiserver\n  kind: path" + prompt,
			`content: data/exercises.yaml: exercise 1 (id "a"): lab: public, private: public=false and private=false turn both endpoints off; EKS needs at least one of them on.`},
		{"lab query with an unknown parameter", "- id: a\n  lab: nodez=public\n  label: {en: Typo, ko: 오타}\n  flow: kubelet-to-apiserver\n  kind: path" + prompt,
			`content: data/exercises.yaml: exercise 1 (id "a"): lab: nodez: "nodez" is not a parameter of this address (accepted: public, private, cidrs, client, client_ip, nodes, nat_ip, dns_hostnames, dns_support, endpoints, sg443, node_subnet).`},
		{"lab query without a label", "- id: a\n  lab: private=true\n  flow: kubelet-to-apiserver\n  kind: path" + prompt,
			"content: 2 problems:\n  data/exercises.yaml: exercise 1 (id \"a\"): label: missing ko text\n  data/exercises.yaml: exercise 1 (id \"a\"): label: missing en text"},
		{"label on a mode", "- id: a\n  mode: public\n  label: {en: x, ko: y}\n  flow: kubelet-to-apiserver\n  kind: path" + prompt,
			`content: data/exercises.yaml: exercise 1 (id "a"): label names a lab query; a mode or a preset has its own name`},
		{"two configurations", "- id: a\n  mode: public\n  preset: locked-out-nodes\n  flow: kubelet-to-apiserver\n  kind: path" + prompt,
			`content: data/exercises.yaml: exercise 1 (id "a"): give exactly one of mode, preset and lab`},
		{"missing language", "- id: a\n  mode: public\n  flow: kubelet-to-apiserver\n  kind: path\n  prompt: {en: Trace it.}\n",
			`content: data/exercises.yaml: exercise 1 (id "a"): prompt: missing ko text`},
		{"unknown language", "- id: a\n  mode: public\n  flow: kubelet-to-apiserver\n  kind: path\n  prompt: {en: Trace it., ko: 따라가 보십시오., de: Folge.}\n",
			`content: data/exercises.yaml: exercise 1 (id "a"): prompt: "de" is not a language (accepted: ko, en)`},
		{"stop on a flow that is not blocked", "- id: a\n  mode: public\n  flow: kubelet-to-apiserver\n  kind: stop" + prompt,
			`content: data/exercises.yaml: exercise 1 (id "a"): kind stop, but flow kubelet-to-apiserver is not blocked in this configuration`},
		{"path on a flow blocked at its source", "- id: a\n  preset: isolated-no-endpoints\n  flow: node-to-ecr\n  kind: path" + prompt,
			`content: data/exercises.yaml: exercise 1 (id "a"): kind path, but flow node-to-ecr passes no component in this configuration (blocked at kubelet before its first hop): make it kind stop`},
		{"duplicate id", "- id: a\n  mode: public\n  flow: kubelet-to-apiserver\n  kind: path" + prompt + "- id: a\n  mode: private\n  flow: kubelet-to-apiserver\n  kind: path" + prompt,
			`content: data/exercises.yaml: exercise 2 (id "a"): id is used by an earlier exercise`},
		{"bad id", "- id: A b\n  mode: public\n  flow: kubelet-to-apiserver\n  kind: path" + prompt,
			`content: data/exercises.yaml: exercise 1 (id "A b"): id must be lowercase letters, digits and hyphens`},
		{"empty", "[]\n", "content: data/exercises.yaml: no exercises (expected a list of {id, mode | preset | lab, flow, kind, prompt: {en, ko}})"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := exercise.Parse([]byte(tt.yaml))
			require.Error(t, err)
			assert.Equal(t, tt.want, err.Error())
		})
	}
}

func TestLoadNamesAMissingFile(t *testing.T) {
	_, err := exercise.Load(fstest.MapFS{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "data/exercises.yaml: cannot read")
}

func TestLabQueriesAreCanonical(t *testing.T) {
	s, err := exercise.Parse([]byte("- id: a\n  lab: nodes=private-isolated&private=true&public=false\n  label: {en: Isolated, ko: 격리}\n  flow: kubelet-to-apiserver\n  kind: path" + prompt))
	require.NoError(t, err)
	ex, _ := s.Get("a")
	assert.Equal(t, "public=false&private=true&nodes=private-isolated", ex.Lab)
	assert.Equal(t, "", string(ex.Mode))
}
