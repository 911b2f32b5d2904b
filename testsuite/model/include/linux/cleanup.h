/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The guards of include/linux/cleanup.h, reduced: DEFINE_GUARD locks the
 * constructor's argument itself, DEFINE_LOCK_GUARD_1 a copy of it in the
 * guard struct (_T->lock), as mutex.h and rwsem.h use them since 6.5.
 */
#ifndef KMODEL_CLEANUP_H
#define KMODEL_CLEANUP_H
#include <kmodel.h>

#define __cleanup(func) __attribute__((__cleanup__(func)))
#define __kmodel_inline static inline __attribute__((__always_inline__))

#define DEFINE_CLASS(_name, _type, _exit, _init, _init_args...)	\
	typedef _type class_##_name##_t;					\
	__kmodel_inline void class_##_name##_destructor(_type *p)		\
	{ _type _T = *p; _exit; }						\
	__kmodel_inline _type class_##_name##_constructor(_init_args)	\
	{ _type t = _init; return t; }

#define DEFINE_GUARD(_name, _type, _lock, _unlock)				\
	DEFINE_CLASS(_name, _type, if (_T) { _unlock; }, ({ _lock; _T; }),	\
		     _type _T)

#define DEFINE_LOCK_GUARD_1(_name, _type, _lock, _unlock)			\
	typedef struct { _type *lock; } class_##_name##_t;			\
	__kmodel_inline void class_##_name##_destructor(class_##_name##_t *_T) \
	{ if (_T->lock) { _unlock; } }						\
	__kmodel_inline class_##_name##_t class_##_name##_constructor(_type *l) \
	{ class_##_name##_t _t = { .lock = l }, *_T = &_t; _lock; return _t; }

#define __kmodel_paste2(a, b) a##b
#define __kmodel_paste(a, b) __kmodel_paste2(a, b)
#define __UNIQUE_ID_guard __kmodel_paste(__kmodel_guard_, __COUNTER__)
#define CLASS(_name, var)							\
	class_##_name##_t var __cleanup(class_##_name##_destructor) =		\
		class_##_name##_constructor
#define guard(_name) CLASS(_name, __UNIQUE_ID_guard)
#define scoped_guard(_name, args...)						\
	for (CLASS(_name, scope)(args), *done = (void *)0; !done;		\
	     done = (void *)1)

DEFINE_LOCK_GUARD_1(mutex, struct mutex, mutex_lock(_T->lock), mutex_unlock(_T->lock))
DEFINE_LOCK_GUARD_1(rwsem_read, struct rw_semaphore, down_read(_T->lock), up_read(_T->lock))
DEFINE_GUARD(rwsem_write, struct rw_semaphore *, down_write(_T), up_write(_T))
#endif
