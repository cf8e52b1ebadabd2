package main

import (
	"bytes"
	"errors"
	"io"
	"net/url"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"
)

// The README's Kubernetes manifest, decoded into the few fields the test
// checks (yaml.v3 ignores the rest).
type k8sObject struct {
	Kind     string `yaml:"kind"`
	Metadata struct {
		Name string `yaml:"name"`
	} `yaml:"metadata"`
	Spec struct {
		Replicas int              `yaml:"replicas"`
		Type     string           `yaml:"type"`
		Selector map[string]any   `yaml:"selector"`
		Ports    []k8sServicePort `yaml:"ports"`
		Template struct {
			Metadata struct {
				Labels map[string]string `yaml:"labels"`
			} `yaml:"metadata"`
			Spec struct {
				SecurityContext struct {
					RunAsNonRoot bool `yaml:"runAsNonRoot"`
				} `yaml:"securityContext"`
				Containers []k8sContainer `yaml:"containers"`
			} `yaml:"spec"`
		} `yaml:"template"`
	} `yaml:"spec"`
}

type k8sServicePort struct {
	Name       string `yaml:"name"`
	Port       int    `yaml:"port"`
	TargetPort string `yaml:"targetPort"`
}

type k8sContainer struct {
	Name  string `yaml:"name"`
	Image string `yaml:"image"`
	Ports []struct {
		Name          string `yaml:"name"`
		ContainerPort int    `yaml:"containerPort"`
	} `yaml:"ports"`
	Env []struct {
		Name  string `yaml:"name"`
		Value string `yaml:"value"`
	} `yaml:"env"`
	LivenessProbe  *k8sProbe `yaml:"livenessProbe"`
	ReadinessProbe *k8sProbe `yaml:"readinessProbe"`
	Resources      struct {
		Requests map[string]string `yaml:"requests"`
	} `yaml:"resources"`
	SecurityContext struct {
		ReadOnlyRootFilesystem   bool  `yaml:"readOnlyRootFilesystem"`
		AllowPrivilegeEscalation *bool `yaml:"allowPrivilegeEscalation"`
	} `yaml:"securityContext"`
}

type k8sProbe struct {
	HTTPGet *struct {
		Path string `yaml:"path"`
		Port string `yaml:"port"`
	} `yaml:"httpGet"`
}

// readmeManifest is the yaml block under the README's Kubernetes heading.
func readmeManifest(t *testing.T) []k8sObject {
	t.Helper()
	readme, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	_, section, ok := strings.Cut(string(readme), "\n## Run on Kubernetes")
	require.True(t, ok, "README has no '## Run on Kubernetes' section")
	section, _, _ = strings.Cut(section, "\n## ")
	_, block, ok := strings.Cut(section, "```yaml\n")
	require.True(t, ok, "the Kubernetes section has no yaml block")
	block, _, ok = strings.Cut(block, "```")
	require.True(t, ok)
	var objs []k8sObject
	dec := yaml.NewDecoder(strings.NewReader(block))
	dec.KnownFields(false)
	for {
		var o k8sObject
		if err := dec.Decode(&o); errors.Is(err, io.EOF) {
			break
		} else {
			require.NoError(t, err)
		}
		objs = append(objs, o)
	}
	return objs
}

func find(objs []k8sObject, kind, name string) *k8sObject {
	for i := range objs {
		if objs[i].Kind == kind && objs[i].Metadata.Name == name {
			return &objs[i]
		}
	}
	return nil
}

func TestREADMEKubernetesManifest(t *testing.T) {
	objs := readmeManifest(t)
	dep := find(objs, "Deployment", "ekstutor")
	require.NotNil(t, dep, "a Deployment named ekstutor")
	assert.GreaterOrEqual(t, dep.Spec.Replicas, 2, "two replicas or more")
	pod := dep.Spec.Template.Spec
	assert.True(t, pod.SecurityContext.RunAsNonRoot, "runAsNonRoot")
	require.Len(t, pod.Containers, 1)
	c := pod.Containers[0]
	require.NotNil(t, c.LivenessProbe, "liveness probe")
	require.NotNil(t, c.LivenessProbe.HTTPGet)
	assert.Equal(t, "/healthz", c.LivenessProbe.HTTPGet.Path)
	require.NotNil(t, c.ReadinessProbe, "readiness probe")
	require.NotNil(t, c.ReadinessProbe.HTTPGet)
	assert.Equal(t, "/readyz", c.ReadinessProbe.HTTPGet.Path)
	assert.NotEmpty(t, c.Resources.Requests["cpu"], "cpu request")
	assert.NotEmpty(t, c.Resources.Requests["memory"], "memory request")
	assert.True(t, c.SecurityContext.ReadOnlyRootFilesystem, "read-only root filesystem")
	require.NotNil(t, c.SecurityContext.AllowPrivilegeEscalation)
	assert.False(t, *c.SecurityContext.AllowPrivilegeEscalation)

	// The probes' named port is the container's first, and the listen
	// address the manifest sets is that port; a metrics port, if named,
	// is the one -metrics-addr listens on, and the Service leaves it out.
	require.NotEmpty(t, c.Ports)
	assert.Equal(t, c.Ports[0].Name, c.LivenessProbe.HTTPGet.Port)
	env := map[string]string{}
	for _, e := range c.Env {
		env[e.Name] = e.Value
	}
	assert.True(t, strings.HasSuffix(env["EKSTUTOR_ADDR"], ":"+itoa(c.Ports[0].ContainerPort)), "EKSTUTOR_ADDR %q listens on the container port", env["EKSTUTOR_ADDR"])
	for _, p := range c.Ports[1:] {
		require.Equal(t, "metrics", p.Name, "the only other port is the scrape port")
		assert.True(t, strings.HasSuffix(env["EKSTUTOR_METRICS_ADDR"], ":"+itoa(p.ContainerPort)), "EKSTUTOR_METRICS_ADDR %q listens on the metrics port", env["EKSTUTOR_METRICS_ADDR"])
	}

	// Every variable the manifest sets is one the binary reads, and the
	// whole environment is accepted by the real flag parser.
	var help bytes.Buffer
	_, _ = parseConfig([]string{"-help"}, func(string) string { return "" }, &help)
	for name := range env {
		assert.Contains(t, help.String(), "env "+name, "the binary reads %s", name)
	}
	_, err := parseConfig(nil, func(k string) string { return env[k] }, io.Discard)
	assert.NoError(t, err, "the manifest's environment is a valid configuration")

	// The Service selects the tutor's pods and targets its port.
	svc := find(objs, "Service", "ekstutor")
	require.NotNil(t, svc, "a Service named ekstutor")
	for k, v := range svc.Spec.Selector {
		assert.Equal(t, v, dep.Spec.Template.Metadata.Labels[k], "Service selector %s", k)
	}
	require.NotEmpty(t, svc.Spec.Ports)
	assert.Equal(t, c.Ports[0].Name, svc.Spec.Ports[0].TargetPort)
	for _, p := range svc.Spec.Ports {
		assert.NotEqual(t, "metrics", p.TargetPort, "the public Service does not expose the scrape port")
	}

	// Redis: a Deployment and a Service, and the tutor's Redis URL names
	// that Service and its port.
	require.NotNil(t, find(objs, "Deployment", "ekstutor-redis"), "a Redis Deployment")
	rsvc := find(objs, "Service", "ekstutor-redis")
	require.NotNil(t, rsvc, "a Redis Service")
	u, err := url.Parse(env["EKSTUTOR_REDIS_URL"])
	require.NoError(t, err)
	assert.Equal(t, "redis", u.Scheme)
	assert.Equal(t, rsvc.Metadata.Name, u.Hostname())
	require.NotEmpty(t, rsvc.Spec.Ports)
	assert.Equal(t, itoa(rsvc.Spec.Ports[0].Port), u.Port())
}

func itoa(n int) string { return strconv.Itoa(n) }
