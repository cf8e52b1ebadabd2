package room

import "context"

func (h *redisHub) Join(ctx context.Context, code, name string) (string, error) {
	if !validCode(code) {
		return "", ErrNotFound
	}
	id, err := newParticipantID()
	if err != nil {
		return "", err
	}
	if err := h.joinAs(ctx, code, "join", id, name); err != nil {
		return "", err
	}
	return id, nil
}

func (h *redisHub) Rejoin(ctx context.Context, code, participant, name string) error {
	if !validCode(code) {
		return ErrNotFound
	}
	return h.joinAs(ctx, code, "rejoin", participant, name)
}

// joinAs runs the change script's join or rejoin op for id.
func (h *redisHub) joinAs(ctx context.Context, code, op, id, name string) error {
	_, n, err := h.change(ctx, code, op, id, cleanName(name), h.opts.MaxParticipants)
	switch {
	case err != nil:
		return err
	case n == -1:
		return ErrNotFound
	case n == -2:
		return &LimitError{What: "participants", Limit: h.opts.MaxParticipants}
	case n == -4:
		return ErrNotParticipant
	}
	return nil
}

func (h *redisHub) Leave(ctx context.Context, code, participant string) error {
	if !validCode(code) {
		return ErrNotFound
	}
	_, n, err := h.change(ctx, code, "leave", participant, h.opts.MaxParticipants)
	if err == nil && n == -1 {
		return ErrNotFound
	}
	return err
}

func (h *redisHub) OpenRooms(ctx context.Context) (int, error) {
	n, err := openRoomsScript.Run(ctx, h.rdb, []string{h.prefix + "rooms"}, now()).Int()
	return n, wrap(err)
}
