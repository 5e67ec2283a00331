/*===- room.c - Room-guarded blocks: the stack while this thread has room -===*
 *
 * In a function that may recurse, a static slot costs its bytes once per
 * active frame, and no compiler knows the depth: recursive-budget is 0 by
 * default.  A room-guarded site takes its K bytes at run time instead, and
 * only when the thread's stack has more than room_margin + K bytes left
 * below the frame (stackroom.c); otherwise the block goes to the heap:
 *
 *     entry:  sp0 = llvm.stacksave();  cell = NULL;
 *     site:   llvm.stackrestore(sp0);        the site's earlier block is dead
 *             if (n <= K && __heap2stack_stack_room() > margin + K)
 *               { p = alloca K; cell = p; (contents) }   else p = malloc(n);
 *     free:   llvm.stackrestore(sp0);        when it frees this execution's
 *             if (p != cell) free(p);        block; every free is guarded
 *
 * The block is a dynamic alloca of a constant size, so the frame grows by K
 * only while the block lives, whatever the depth, and returns to its size
 * when the block dies, also in a loop (lifetime.c guarantees that no block
 * of an earlier execution is in use when the site runs again).
 *
 * INVARIANT (policy.c): a function has at most one room-guarded site and no
 * dynamic allocas of its own, and the site has no realloc and shares no
 * free, so restoring the stack to sp0 releases that site's block and
 * nothing else.
 *
 * Room guards are off by default (option 'room'): the guard itself makes
 * every frame of the function larger, taken or not (a frame pointer for
 * the dynamic alloca, the stack mark and the room test kept across the
 * recursive call: measured 32 -> 64 bytes a level on
 * test/e2e/stack-safety/recursion-near-stack-limit-stays-on-heap.c), so a
 * recursion that nearly fills its stack plainly can overflow with them.
 *
 *===----------------------------------------------------------------------===*/
#include "rewrite.h"

static LLVMTypeRef ptr_type(h2s_function *f) {
  return LLVMPointerTypeInContext(h2s_context(f), 0);
}

void h2s_room_prepare(LLVMBuilderRef b, h2s_function *f, h2s_site *site) {
  site->slot = LLVMBuildAlloca(b, ptr_type(f), "h2s.room.block");
  site->stack_mark = h2s_build_intrinsic(b, f, "llvm.stacksave", ptr_type(f), NULL, 0, "");
  LLVMBuildStore(b, LLVMConstPointerNull(ptr_type(f)), site->slot);
}

void h2s_room_release(LLVMBuilderRef b, h2s_function *f, const h2s_site *site) {
  LLVMValueRef mark = site->stack_mark;
  h2s_build_intrinsic(b, f, "llvm.stackrestore", ptr_type(f), &mark, 1, "");
}

LLVMValueRef h2s_room_available(LLVMBuilderRef b, h2s_function *f, const h2s_site *site) {
  LLVMValueRef room = h2s_build_stack_room(b, f);
  uint64_t need = f->opts->room_margin + site->size;
  return LLVMBuildICmp(b, LLVMIntUGT, room, LLVMConstInt(LLVMTypeOf(room), need, 0),
                       "h2s.roomy");
}

LLVMValueRef h2s_room_take(LLVMBuilderRef b, h2s_function *f, const h2s_site *site) {
  LLVMContextRef ctx = h2s_context(f);
  LLVMValueRef bytes = LLVMConstInt(h2s_size_type(f), site->size, 0);
  LLVMValueRef block = LLVMBuildArrayAlloca(b, LLVMInt8TypeInContext(ctx), bytes, "h2s.room");
  LLVMSetAlignment(block, (unsigned)site->align);
  LLVMBuildStore(b, block, site->slot);
  return block;
}

LLVMValueRef h2s_slot_at(LLVMBuilderRef b, h2s_function *f, const h2s_site *site) {
  if (site->placement != H2S_PLACE_ROOM)
    return site->slot;
  return LLVMBuildLoad2(b, ptr_type(f), site->slot, "h2s.room.block");
}
