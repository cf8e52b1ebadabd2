package room

import "github.com/redis/go-redis/v9"

// The Redis hub's writes are Lua scripts, so each runs atomically: a
// state and the event ID that announces it are written together, and
// the room limit is checked and taken in one step across replicas.
//
// Keys of a room (KEYS order): its hash (token, state), its event
// counter (INCR), its participants here now (hash ID → name); then the
// set of open rooms (a sorted set scored by expiry time in ms); then the
// open poll's voters (hash participant ID → choice), the holds on each
// participant here (hash ID → count: its Join and every Rejoin not yet
// left) and the participants that left (a sorted set scored by the
// event ID of their leaving, cut to the participant limit). The room's
// hash holds the open poll as JSON ("poll", with the answer only once
// revealed) and its right keys apart ("pollanswer", a JSON array).

// createScript: ARGV token hash, state JSON, TTL ms, now ms, max rooms,
// code. Returns 1 created, 0 code taken, -1 room limit reached.
var createScript = redis.NewScript(`
redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', ARGV[4])
if redis.call('ZCARD', KEYS[4]) >= tonumber(ARGV[5]) then return -1 end
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'token', ARGV[1], 'state', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
redis.call('SET', KEYS[2], 1, 'PX', ARGV[3])
redis.call('ZADD', KEYS[4], tonumber(ARGV[4]) + tonumber(ARGV[3]), ARGV[6])
return 1
`)

// changeScript: ARGV TTL ms, now ms, code, op ("state", "join",
// "rejoin", "leave", "pollopen", "pollanswer", "pollreveal",
// "pollclose"), then the op's arguments: state JSON; participant ID,
// name, max participants (join and rejoin); participant ID, max
// participants (how many that left are remembered); poll JSON, answer
// JSON; participant ID, choice; none; none. Returns {ID, participants,
// state JSON, poll JSON or nil}, or -1 when the room is gone, -2 when it
// is full, 0 when a leave or rejoin changed no count, -3 no open poll,
// -4 no such participant, -5 answered already, -6 revealed already, -7
// not a choice of the poll.
var changeScript = redis.NewScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
local op = ARGV[4]
if op == 'state' then
  redis.call('HSET', KEYS[1], 'state', ARGV[5])
elseif op == 'join' or op == 'rejoin' then
  if op == 'rejoin' and redis.call('HEXISTS', KEYS[3], ARGV[5]) == 1 then
    redis.call('HINCRBY', KEYS[6], ARGV[5], 1)
    if ARGV[6] ~= '' then redis.call('HSET', KEYS[3], ARGV[5], ARGV[6]) end
    return 0
  end
  if op == 'rejoin' and not redis.call('ZSCORE', KEYS[7], ARGV[5]) and redis.call('HEXISTS', KEYS[5], ARGV[5]) == 0 then return -4 end
  if redis.call('HLEN', KEYS[3]) >= tonumber(ARGV[7]) then return -2 end
  redis.call('ZREM', KEYS[7], ARGV[5])
  redis.call('HSET', KEYS[3], ARGV[5], ARGV[6])
  redis.call('HSET', KEYS[6], ARGV[5], 1)
elseif op == 'leave' then
  if redis.call('HEXISTS', KEYS[3], ARGV[5]) == 0 then return 0 end
  if redis.call('HINCRBY', KEYS[6], ARGV[5], -1) > 0 then return 0 end
  redis.call('HDEL', KEYS[3], ARGV[5])
  redis.call('HDEL', KEYS[6], ARGV[5])
  redis.call('ZADD', KEYS[7], tonumber(redis.call('GET', KEYS[2]) or '0'), ARGV[5])
  local over = redis.call('ZCARD', KEYS[7]) - tonumber(ARGV[6])
  if over > 0 then redis.call('ZREMRANGEBYRANK', KEYS[7], 0, over - 1) end
elseif op == 'pollopen' then
  local poll = cjson.decode(ARGV[5])
  poll.opened = tonumber(redis.call('GET', KEYS[2]) or '0') + 1 -- the ID the INCR below gives
  redis.call('HSET', KEYS[1], 'poll', cjson.encode(poll), 'pollanswer', ARGV[6])
  redis.call('DEL', KEYS[5])
else
  local js = redis.call('HGET', KEYS[1], 'poll')
  if not js then return -3 end
  local poll = cjson.decode(js)
  if op == 'pollanswer' then
    if poll.revealed then return -6 end
    if redis.call('HEXISTS', KEYS[3], ARGV[5]) == 0 then return -4 end
    local at = nil
    for i, k in ipairs(poll.keys) do if k == ARGV[6] then at = i end end
    if not at then return -7 end
    if redis.call('HSETNX', KEYS[5], ARGV[5], ARGV[6]) == 0 then return -5 end
    poll.counts[at] = poll.counts[at] + 1
    redis.call('HSET', KEYS[1], 'poll', cjson.encode(poll))
  elseif op == 'pollreveal' then
    poll.revealed = true
    local answer = cjson.decode(redis.call('HGET', KEYS[1], 'pollanswer') or '[]')
    if #answer > 0 then poll.answer = answer end
    redis.call('HSET', KEYS[1], 'poll', cjson.encode(poll))
  elseif op == 'pollclose' then
    redis.call('HDEL', KEYS[1], 'poll', 'pollanswer')
    redis.call('DEL', KEYS[5])
  end
end
local id = redis.call('INCR', KEYS[2])
for _, i in ipairs({1, 2, 3, 5, 6, 7}) do redis.call('PEXPIRE', KEYS[i], ARGV[1]) end
redis.call('ZADD', KEYS[4], tonumber(ARGV[2]) + tonumber(ARGV[1]), ARGV[3])
return {id, redis.call('HLEN', KEYS[3]), redis.call('HGET', KEYS[1], 'state'), redis.call('HGET', KEYS[1], 'poll')}
`)

// snapshotScript: ARGV touch ("1" refreshes the TTL), TTL ms, now ms,
// code. Returns {ID, participants, state JSON, poll JSON or nil}, or -1
// when gone.
var snapshotScript = redis.NewScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
if ARGV[1] == '1' then
  for _, i in ipairs({1, 2, 3, 5, 6, 7}) do redis.call('PEXPIRE', KEYS[i], ARGV[2]) end
  redis.call('ZADD', KEYS[4], tonumber(ARGV[3]) + tonumber(ARGV[2]), ARGV[4])
end
return {tonumber(redis.call('GET', KEYS[2]) or '0'), redis.call('HLEN', KEYS[3]), redis.call('HGET', KEYS[1], 'state'), redis.call('HGET', KEYS[1], 'poll')}
`)

// openRoomsScript: KEYS the set of open rooms; ARGV now ms. Drops the
// rooms that expired (as createScript does) and counts the rest.
var openRoomsScript = redis.NewScript(`
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
return redis.call('ZCARD', KEYS[1])
`)
