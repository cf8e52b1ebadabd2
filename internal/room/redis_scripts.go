package room

import "github.com/redis/go-redis/v9"

// The Redis hub's writes are Lua scripts, so each runs atomically: a
// state and the event ID that announces it are written together, and
// the room limit is checked and taken in one step across replicas.
//
// Keys of a room (KEYS order): its hash (token, state), its event
// counter (INCR), its participants (hash ID → name); then the set of
// open rooms (a sorted set scored by expiry time in ms).

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
// "leave"), then the op's arguments: state JSON; participant ID, name,
// max participants; participant ID. Returns {ID, participants, state
// JSON}, or -1 when the room is gone, -2 when it is full, 0 when a leave
// changed nothing.
var changeScript = redis.NewScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
local op = ARGV[4]
if op == 'state' then
  redis.call('HSET', KEYS[1], 'state', ARGV[5])
elseif op == 'join' then
  if redis.call('HLEN', KEYS[3]) >= tonumber(ARGV[7]) then return -2 end
  redis.call('HSET', KEYS[3], ARGV[5], ARGV[6])
elseif op == 'leave' then
  if redis.call('HDEL', KEYS[3], ARGV[5]) == 0 then return 0 end
end
local id = redis.call('INCR', KEYS[2])
for i = 1, 3 do redis.call('PEXPIRE', KEYS[i], ARGV[1]) end
redis.call('ZADD', KEYS[4], tonumber(ARGV[2]) + tonumber(ARGV[1]), ARGV[3])
return {id, redis.call('HLEN', KEYS[3]), redis.call('HGET', KEYS[1], 'state')}
`)

// snapshotScript: ARGV touch ("1" refreshes the TTL), TTL ms, now ms,
// code. Returns {ID, participants, state JSON}, or -1 when gone.
var snapshotScript = redis.NewScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
if ARGV[1] == '1' then
  for i = 1, 3 do redis.call('PEXPIRE', KEYS[i], ARGV[2]) end
  redis.call('ZADD', KEYS[4], tonumber(ARGV[3]) + tonumber(ARGV[2]), ARGV[4])
end
return {tonumber(redis.call('GET', KEYS[2]) or '0'), redis.call('HLEN', KEYS[3]), redis.call('HGET', KEYS[1], 'state')}
`)
