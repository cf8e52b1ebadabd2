package topology

import "testing"

func BenchmarkResolve(b *testing.B) {
	for _, m := range Modes() {
		cfg := mustConfig(b, m)
		b.Run(string(m), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Resolve(cfg); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkBuild(b *testing.B) {
	cfg := mustConfig(b, ModePublicPrivate)
	b.ReportAllocs()
	for b.Loop() {
		_ = Build(cfg)
	}
}
