package room

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"
	"unicode/utf8"
)

// Hub keeps live rooms. Every method is safe for concurrent use.
type Hub interface {
	// Create opens a room at st; the caller becomes its presenter.
	Create(ctx context.Context, st State) (Created, error)
	// Get returns a room's current state.
	Get(ctx context.Context, code string) (Snapshot, error)
	// Join adds a participant (name may be empty) and returns its ID,
	// random and unguessable. The join is the participant's first hold.
	Join(ctx context.Context, code, name string) (string, error)
	// Rejoin takes one more hold on participant, an ID this room gave
	// out: a reloaded page or a second tab of the same follower. A
	// participant is counted once however many holds it has, so a
	// second tab adds no follower; one that had left comes back (a name
	// that is not empty replaces its name). An ID the room does not know
	// is ErrNotParticipant: one it never gave out, or one that left and
	// was forgotten (the room remembers the last MaxParticipants that
	// left, and every voter of the open poll). A full room is
	// *LimitError. Holding an ID is all it takes: it acts as that
	// participant, which whoever holds the ID could do anyway (answer
	// as them), and nothing more.
	Rejoin(ctx context.Context, code, participant, name string) error
	// Leave drops one hold on a participant; at the last it leaves and
	// the room remembers its ID for Rejoin. Leaving an ID the room does
	// not have (or has no longer) is not an error.
	Leave(ctx context.Context, code, participant string) error
	// OpenRooms counts the rooms open now, expired ones left out. Every
	// hub on one store (replicas sharing a Redis) counts the same rooms.
	OpenRooms(ctx context.Context) (int, error)
	// Drive moves the room to st. Only the presenter token may.
	Drive(ctx context.Context, code, token string, st State) (Event, error)
	// Subscribe streams the room's events until ctx ends or the room
	// does, then closes the channel. The first event is always the
	// current state; after it come only events with IDs above both its
	// ID and after (a reconnecting client's Last-Event-ID), in order.
	Subscribe(ctx context.Context, code string, after uint64) (<-chan Event, error)
	// Authorise reports whether token is the room's presenter token
	// (nil), not (ErrForbidden), or the room is gone (ErrNotFound).
	Authorise(ctx context.Context, code, token string) error
	// End closes the room for everyone. Only the presenter token may.
	End(ctx context.Context, code, token string) error
	// Ping reports whether the hub's store answers (for /readyz).
	Ping(ctx context.Context) error
	// OpenPoll opens p (QuizPoll or TypedPoll) on the room, replacing an
	// open poll. Only the presenter token may.
	OpenPoll(ctx context.Context, code, token string, p Poll) (Event, error)
	// Answer counts participant's choice (a key of the open poll). One
	// answer per participant: a second is ErrAnswered, one after the
	// reveal ErrRevealed, a participant the room does not have
	// ErrNotParticipant, and no open poll ErrNoPoll.
	Answer(ctx context.Context, code, participant, choice string) (Event, error)
	// RevealPoll shows the open poll's right answer to everyone.
	RevealPoll(ctx context.Context, code, token string) (Event, error)
	// ClosePoll takes the open poll away.
	ClosePoll(ctx context.Context, code, token string) (Event, error)
	// Close stops the hub's background work.
	Close() error
}

// Created is what the presenter of a new room gets. The token is the
// only proof of being the presenter: it is shown once and never logged.
type Created struct {
	Code  string
	Token string
}

// String keeps the token out of any log line that prints a Created.
func (c Created) String() string { return "room " + c.Code }

// LogValue does the same for structured logs.
func (c Created) LogValue() slog.Value { return slog.StringValue(c.String()) }

// Snapshot is a room as it is now.
type Snapshot struct {
	Code      string `json:"code"`
	State     State  `json:"state"`
	Followers int    `json:"followers"`
	ID        uint64 `json:"id"`             // the last event's ID
	Poll      *Poll  `json:"poll,omitempty"` // the open poll, if any
}

// Kind says what an event is.
type Kind string

// The kinds of event.
const (
	KindState Kind = "state" // the room's state and follower count; carries an ID
	// KindPoll is a poll opened, answered, revealed or closed. It carries
	// an ID from the same sequence and the whole room (state, followers,
	// poll) like a state event, so either kind brings a client up to date.
	KindPoll Kind = "poll"
	KindEnd  Kind = "end" // the room ended or expired; the last event
	// KindTrouble says the hub's store stopped answering; the next
	// KindState (sent when it answers again) resynchronises.
	KindTrouble Kind = "trouble"
)

// Event is one message of a room's stream. A state event carries the
// whole state, so a client that missed some needs only the latest.
type Event struct {
	ID        uint64 `json:"id,omitempty"`
	Kind      Kind   `json:"kind"`
	State     State  `json:"state"`
	Followers int    `json:"followers"`
	Poll      *Poll  `json:"poll,omitempty"`
}

// current reports whether ev carries the whole room and an ID.
func (ev Event) current() bool { return ev.Kind == KindState || ev.Kind == KindPoll }

// Snapshot is the room as ev left it.
func (ev Event) Snapshot(code string) Snapshot {
	return Snapshot{Code: code, State: ev.State, Followers: ev.Followers, ID: ev.ID, Poll: ev.Poll}
}

// Options are a hub's limits. Zero values take the defaults.
type Options struct {
	MaxRooms        int           // open rooms at once
	MaxParticipants int           // participants per room
	Idle            time.Duration // a room without activity for this long ends
	Contents        Contents      // chapters and sections a state may name; nil skips the check
}

// Defaults for Options.
const (
	DefaultMaxRooms        = 200
	DefaultMaxParticipants = 500
	DefaultIdle            = time.Hour
)

func (o Options) withDefaults() Options {
	if o.MaxRooms <= 0 {
		o.MaxRooms = DefaultMaxRooms
	}
	if o.MaxParticipants <= 0 {
		o.MaxParticipants = DefaultMaxParticipants
	}
	if o.Idle <= 0 {
		o.Idle = DefaultIdle
	}
	return o
}

// sweepEvery is how often expired rooms are looked for: often enough
// that a room ends within a quarter of its idle time after expiring.
func (o Options) sweepEvery() time.Duration {
	return min(max(o.Idle/4, 10*time.Millisecond), 30*time.Second)
}

// Errors a hub returns.
var (
	ErrNotFound  = errors.New("room: no such room (it may have ended or expired)")
	ErrForbidden = errors.New("room: the presenter token does not match")
)

// LimitError is a limit reached: too many rooms, or a full room.
type LimitError struct {
	What  string // "rooms" or "participants"
	Limit int
}

func (e *LimitError) Error() string {
	return fmt.Sprintf("room: limit of %d %s reached", e.Limit, e.What)
}

// UnavailableError is the hub's store not answering (Redis went away).
// Rooms are not lost: they come back when the store does.
type UnavailableError struct{ Err error }

func (e *UnavailableError) Error() string { return "room: store unavailable: " + e.Err.Error() }
func (e *UnavailableError) Unwrap() error { return e.Err }

// MaxNameRunes bounds a participant's display name.
const MaxNameRunes = 40

// cleanName trims a display name and cuts it to MaxNameRunes.
func cleanName(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) > MaxNameRunes {
		s = string([]rune(s)[:MaxNameRunes])
	}
	return s
}

// validCode is NormaliseCode for codes that must already be canonical.
func validCode(code string) bool {
	c, ok := NormaliseCode(code)
	return ok && c == code
}
