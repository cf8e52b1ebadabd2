package exercise_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	contentfs "github.com/ekstutor/ekstutor/content"
	"github.com/ekstutor/ekstutor/internal/exercise"
	"github.com/ekstutor/ekstutor/internal/topology"
)

func mustLoad(tb testing.TB) *exercise.Set {
	tb.Helper()
	s, err := exercise.Load(contentfs.FS)
	require.NoError(tb, err)
	return s
}

// resolved is what the resolver itself says about ex: the flow, and the
// components its hop steps pass, computed here from the steps so the
// test does not reuse the package's own reading of them.
func resolved(tb testing.TB, ex *exercise.Exercise) (topology.Flow, []topology.ComponentID, []topology.Text) {
	tb.Helper()
	res, err := topology.Resolve(ex.Config)
	require.NoError(tb, err)
	f, ok := res.Flow(ex.Flow)
	require.True(tb, ok)
	var path []topology.ComponentID
	var reasons []topology.Text
	for _, st := range f.Steps {
		if st.Kind != topology.StepHop {
			continue
		}
		if path == nil {
			path = append(path, st.From)
		}
		path = append(path, st.To)
		reasons = append(reasons, st.Reason)
	}
	return f, path, reasons
}

// answer is the right answer to ex, read off the resolver's output.
func answer(tb testing.TB, ex *exercise.Exercise) []topology.ComponentID {
	f, path, _ := resolved(tb, ex)
	if ex.Kind == exercise.KindStop {
		require.NotNil(tb, f.Blocked, ex.ID)
		return []topology.ComponentID{f.Blocked.At}
	}
	return path
}

// TestSolveEveryExercise solves every exercise headless with the
// resolver's own output, like a learner who read the event list.
func TestSolveEveryExercise(t *testing.T) {
	for _, ex := range mustLoad(t).All() {
		t.Run(ex.ID, func(t *testing.T) {
			r := exercise.Check(ex, answer(t, ex))
			assert.True(t, r.Correct, "%+v", r)
			assert.Nil(t, r.WrongAt)
		})
	}
}

// TestWrongPathFailsWhereItDiverges changes each step of every path
// exercise in turn and expects the check to name that index with the
// reason of the hop that should have been there.
func TestWrongPathFailsWhereItDiverges(t *testing.T) {
	for _, ex := range mustLoad(t).All() {
		if ex.Kind != exercise.KindPath {
			continue
		}
		t.Run(ex.ID, func(t *testing.T) {
			f, want, reasons := resolved(t, ex)
			for i := range want {
				bad := append([]topology.ComponentID(nil), want...)
				bad[i] = topology.Etcd // never on a packet's path: etcd talks only to the API servers
				r := exercise.Check(ex, bad)
				require.False(t, r.Correct)
				require.NotNil(t, r.WrongAt)
				assert.Equal(t, i, *r.WrongAt)
				if i > 0 {
					assert.Equal(t, reasons[i-1], r.Reason, "step %d", i)
				} else {
					assert.Contains(t, r.Reason.EN, "starts at")
				}
			}
			short := exercise.Check(ex, want[:len(want)-1])
			require.NotNil(t, short.WrongAt)
			assert.Equal(t, len(want)-1, *short.WrongAt)
			assert.Equal(t, reasons[len(reasons)-1], short.Reason)

			long := exercise.Check(ex, append(append([]topology.ComponentID(nil), want...), topology.Etcd))
			require.NotNil(t, long.WrongAt)
			assert.Equal(t, len(want), *long.WrongAt)
			if f.Blocked != nil {
				assert.Equal(t, f.Blocked.Reason, long.Reason)
			} else {
				assert.Contains(t, long.Reason.EN, "arrived")
			}
		})
	}
}

func TestWrongStopGivesTheBlockedReason(t *testing.T) {
	for _, ex := range mustLoad(t).All() {
		if ex.Kind != exercise.KindStop {
			continue
		}
		t.Run(ex.ID, func(t *testing.T) {
			f, _, _ := resolved(t, ex)
			wrongAt := topology.Etcd
			r := exercise.Check(ex, []topology.ComponentID{wrongAt})
			require.NotNil(t, r.WrongAt)
			assert.Equal(t, 0, *r.WrongAt)
			assert.Equal(t, f.Blocked.Reason, r.Reason)
			r = exercise.Check(ex, nil)
			require.NotNil(t, r.WrongAt)
			assert.Equal(t, 0, *r.WrongAt)
			r = exercise.Check(ex, []topology.ComponentID{f.Blocked.At, topology.APIServer})
			require.NotNil(t, r.WrongAt)
			assert.Equal(t, 1, *r.WrongAt)
		})
	}
}

// The worked example of the issue, spelt out: in public and private mode
// the kubelet goes to the EKS-owned ENI, not out through the NAT gateway.
func TestPublicPrivateKubeletExample(t *testing.T) {
	ex, ok := mustLoad(t).Get("public-private-kubelet")
	require.True(t, ok)
	r := exercise.Check(ex, []topology.ComponentID{topology.Kubelet, topology.NATGateway, topology.IGW, topology.NLB, topology.APIServer})
	require.NotNil(t, r.WrongAt)
	assert.Equal(t, 1, *r.WrongAt)
	assert.Contains(t, r.Reason.EN, "ENI")
	assert.True(t, exercise.Check(ex, []topology.ComponentID{topology.Kubelet, topology.EKSENI, topology.APIServer}).Correct)
}

// TestCoverage: an exercise for every mode, for every flow whose path
// differs between modes, and for lab configurations.
func TestCoverage(t *testing.T) {
	s := mustLoad(t)
	modes := map[topology.Mode]bool{}
	flowsByMode := map[topology.FlowID]map[topology.Mode]bool{}
	lab := 0
	for _, ex := range s.All() {
		if ex.Mode == "" {
			lab++
			continue
		}
		modes[ex.Mode] = true
		if flowsByMode[ex.Flow] == nil {
			flowsByMode[ex.Flow] = map[topology.Mode]bool{}
		}
		flowsByMode[ex.Flow][ex.Mode] = true
	}
	for _, m := range topology.Modes() {
		assert.True(t, modes[m], "no exercise in mode %s", m)
	}
	for _, fl := range topology.Flows() {
		paths := map[string]bool{}
		for _, m := range topology.Modes() {
			cfg, err := topology.ConfigFor(m)
			require.NoError(t, err)
			res, err := topology.Resolve(cfg)
			require.NoError(t, err)
			f, _ := res.Flow(fl)
			key := ""
			for _, st := range f.Steps {
				key += string(st.From) + ">" + string(st.To) + ";"
			}
			paths[key] = true
		}
		if len(paths) > 1 {
			for _, m := range topology.Modes() {
				assert.True(t, flowsByMode[fl][m], "flow %s differs between modes but has no exercise in mode %s", fl, m)
			}
		}
	}
	assert.GreaterOrEqual(t, lab, 4)
}
