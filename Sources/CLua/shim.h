/* Lua 5.4 for Swift: the headers, plus static inline wrappers for the C macros Swift cannot
 * import, plus the trampoline that lets Swift functions raise Lua errors without a longjmp
 * ever crossing a Swift frame. */
#ifndef BENCH_CLUA_SHIM_H
#define BENCH_CLUA_SHIM_H

#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>
#include <poll.h>

static inline int bench_lua_registryindex(void) { return LUA_REGISTRYINDEX; }
static inline int bench_lua_upvalueindex(int i) { return lua_upvalueindex(i); }
static inline void bench_lua_pop(lua_State *L, int n) { lua_pop(L, n); }
static inline void bench_lua_newtable(lua_State *L) { lua_newtable(L); }
static inline void bench_lua_insert(lua_State *L, int idx) { lua_insert(L, idx); }
static inline void bench_lua_remove(lua_State *L, int idx) { lua_remove(L, idx); }
static inline const char *bench_lua_tostring(lua_State *L, int idx) { return lua_tostring(L, idx); }
static inline int bench_lua_pcall(lua_State *L, int nargs, int nresults, int msgh) {
    return lua_pcall(L, nargs, nresults, msgh);
}
static inline int bench_lual_loadfile(lua_State *L, const char *path) { return luaL_loadfile(L, path); }

/* What a Swift function registered through bench_lua_push_swift_function returns instead of a
 * result count when it failed. The trampoline below turns it into a Lua error, so the longjmp
 * starts in C after the Swift frame has returned. */
enum {
    /* Error message on top of the stack; the trampoline prefixes the caller's "file:line:". */
    BENCH_LUA_RAISE = -1,
    /* Error value on top of the stack, raised as it is (no position added). */
    BENCH_LUA_RAISE_VALUE = -2,
    /* BENCH_LUA_ARGERROR_BASE - n: argument n is bad, the detail message is on top of the stack;
     * raised through luaL_argerror, so the message reads "bad argument #n to 'f' (detail)". */
    BENCH_LUA_ARGERROR_BASE = -1000,
};

typedef int (*bench_swift_function)(lua_State *L);

static int bench_lua_trampoline(lua_State *L) {
    bench_swift_function fn = (bench_swift_function)lua_touserdata(L, lua_upvalueindex(1));
    int n = fn(L);
    if (n >= 0) return n;
    if (n == BENCH_LUA_RAISE) {
        luaL_where(L, 1);
        lua_insert(L, -2);
        lua_concat(L, 2);
        return lua_error(L);
    }
    if (n == BENCH_LUA_RAISE_VALUE) return lua_error(L);
    return luaL_argerror(L, BENCH_LUA_ARGERROR_BASE - n, lua_tostring(L, -1));
}

/* Pushes a Lua function that calls `fn` through the trampoline; `context` is upvalue 2. */
static inline void bench_lua_push_swift_function(lua_State *L, bench_swift_function fn, void *context) {
    lua_pushlightuserdata(L, (void *)fn);
    lua_pushlightuserdata(L, context);
    lua_pushcclosure(L, bench_lua_trampoline, 2);
}

/* Message handler for lua_pcall: a string error gets a traceback; any other value (the
 * sentinel of os.exit, say) is passed through untouched so the host can recognise it. */
static int bench_lua_traceback(lua_State *L) {
    const char *msg = lua_tostring(L, 1);
    if (msg == NULL) {
        if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING) msg = lua_tostring(L, -1);
        else { lua_settop(L, 1); return 1; }
    }
    luaL_traceback(L, L, msg, 1);
    return 1;
}

static inline void bench_lua_push_traceback_handler(lua_State *L) { lua_pushcfunction(L, bench_lua_traceback); }

/* Interrupts: every 10,000 VM instructions a count hook polls a descriptor (a cancellation's
 * eventfd, kept in the state's extra space) and raises "interrupted" once it is readable, so
 * Ctrl-C stops even `while true do end`. The poll costs well under 1 % of a busy loop. */
static void bench_lua_interrupt_hook(lua_State *L, lua_Debug *ar) {
    (void)ar;
    struct pollfd p = {.fd = *(int *)lua_getextraspace(L), .events = POLLIN};
    if (p.fd >= 0 && poll(&p, 1, 0) > 0) luaL_error(L, "interrupted");
}

/* Starts watching `fd` (-1: stops watching). */
static inline void bench_lua_watch_interrupts(lua_State *L, int fd) {
    *(int *)lua_getextraspace(L) = fd;
    if (fd >= 0) lua_sethook(L, bench_lua_interrupt_hook, LUA_MASKCOUNT, 10000);
    else lua_sethook(L, NULL, 0, 0);
}

#endif
