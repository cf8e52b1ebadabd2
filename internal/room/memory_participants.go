package room

import "context"

// member is a participant of a memory room who is here now.
type member struct {
	name  string
	holds int // the Join and every Rejoin not yet left
}

func (h *memoryHub) Join(_ context.Context, code, name string) (string, error) {
	id, err := newParticipantID()
	if err != nil {
		return "", err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	r, err := h.room(code)
	if err != nil {
		return "", err
	}
	if len(r.members) >= h.opts.MaxParticipants {
		return "", &LimitError{What: "participants", Limit: h.opts.MaxParticipants}
	}
	r.members[id] = &member{name: cleanName(name), holds: 1}
	h.changed(code, r)
	return id, nil
}

func (h *memoryHub) Rejoin(_ context.Context, code, participant, name string) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	r, err := h.room(code)
	if err != nil {
		return err
	}
	if m, ok := r.members[participant]; ok {
		m.holds++
		if n := cleanName(name); n != "" {
			m.name = n
		}
		return nil // still one follower: nothing to tell anyone
	}
	_, left := r.gone[participant]
	_, voted := r.voters[participant]
	if !left && !voted {
		return ErrNotParticipant
	}
	if len(r.members) >= h.opts.MaxParticipants {
		return &LimitError{What: "participants", Limit: h.opts.MaxParticipants}
	}
	delete(r.gone, participant)
	r.members[participant] = &member{name: cleanName(name), holds: 1}
	h.changed(code, r)
	return nil
}

func (h *memoryHub) Leave(_ context.Context, code, participant string) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	r, err := h.room(code)
	if err != nil {
		return err
	}
	m, ok := r.members[participant]
	if !ok {
		return nil
	}
	if m.holds--; m.holds > 0 {
		return nil // another stream still holds it
	}
	delete(r.members, participant)
	r.gone[participant] = r.seq
	forgetOldest(r.gone, h.opts.MaxParticipants)
	h.changed(code, r)
	return nil
}

// forgetOldest keeps the keep participants that left last, so a room
// that many pass through remembers a bounded number of them.
func forgetOldest(gone map[string]uint64, keep int) {
	for len(gone) > keep {
		oldest, at := "", uint64(0)
		for id, seq := range gone {
			if oldest == "" || seq < at {
				oldest, at = id, seq
			}
		}
		delete(gone, oldest)
	}
}

func (h *memoryHub) OpenRooms(context.Context) (int, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	n := 0
	for code := range h.rooms {
		if _, err := h.room(code); err == nil {
			n++
		}
	}
	return n, nil
}
