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

func (f *roomFlags) register(fs *flag.FlagSet, env *envReader) {
	fs.IntVar(&f.maxRooms, "rooms-max", env.int("EKSTUTOR_ROOMS_MAX", room.DefaultMaxRooms), "open rooms at once; more answer 503 (env EKSTUTOR_ROOMS_MAX)")
	fs.IntVar(&f.maxParticipants, "room-participants", env.int("EKSTUTOR_ROOM_PARTICIPANTS", room.DefaultMaxParticipants),
		"participants per room; more answer 503 (env EKSTUTOR_ROOM_PARTICIPANTS)")
	fs.IntVar(&f.createPerMinute, "room-create-per-minute", env.int("EKSTUTOR_ROOM_CREATE_PER_MINUTE", web.DefaultCreatePerMinute),
		"new rooms per client address per minute; more answer 429 (env EKSTUTOR_ROOM_CREATE_PER_MINUTE)")
	fs.DurationVar(&f.idle, "room-idle", env.duration("EKSTUTOR_ROOM_IDLE", room.DefaultIdle), "a room without activity for this long ends (env EKSTUTOR_ROOM_IDLE)")
	fs.StringVar(&f.redisURL, "redis-url", env.str("EKSTUTOR_REDIS_URL", ""),
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
