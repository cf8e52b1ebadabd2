package main

import (
	"flag"
	"fmt"
	"time"

	"github.com/ekstutor/ekstutor/internal/room"
	"github.com/ekstutor/ekstutor/web"
)

// roomFlags are the live rooms' limits and store.
type roomFlags struct {
	maxRooms        int
	maxParticipants int
	createPerMinute int
	idle            time.Duration
	redisURL        string
}

func (f *roomFlags) register(fs *flag.FlagSet, getenv func(string) string) {
	fs.IntVar(&f.maxRooms, "rooms-max", room.DefaultMaxRooms, "open rooms at once; more answer 503")
	fs.IntVar(&f.maxParticipants, "room-participants", room.DefaultMaxParticipants, "participants per room; more answer 503")
	fs.IntVar(&f.createPerMinute, "room-create-per-minute", web.DefaultCreatePerMinute, "new rooms per client address per minute; more answer 429")
	fs.DurationVar(&f.idle, "room-idle", room.DefaultIdle, "a room without activity for this long ends")
	fs.StringVar(&f.redisURL, "redis-url", getenv("EKSTUTOR_REDIS_URL"),
		"keep rooms in Redis (redis://host:6379/0) so several replicas serve them (env EKSTUTOR_REDIS_URL; default: in memory)")
}

func (f roomFlags) check() error {
	if f.maxRooms < 1 || f.maxParticipants < 1 || f.createPerMinute < 1 {
		return fmt.Errorf("-rooms-max, -room-participants and -room-create-per-minute must be at least 1")
	}
	if f.idle < time.Minute {
		return fmt.Errorf("-room-idle %s is too short (at least 1m)", f.idle)
	}
	return nil
}

// newHub makes the rooms' hub the flags ask for. The caller closes it.
func newHub(f roomFlags) (room.Hub, error) {
	opts := room.Options{MaxRooms: f.maxRooms, MaxParticipants: f.maxParticipants, Idle: f.idle}
	if f.redisURL == "" {
		return room.NewMemory(opts), nil
	}
	return room.NewRedis(f.redisURL, "", opts)
}
