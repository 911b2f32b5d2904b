/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The guards of include/linux/cleanup.h as Linux 7.x writes them, reduced:
 * DEFINE_GUARD locks the constructor's argument itself, DEFINE_LOCK_GUARD_1
 * a copy of it in the guard struct (_T->lock), as mutex.h and rwsem.h use
 * them since 6.5.  A conditional guard (DEFINE_LOCK_GUARD_1_COND: mutex_try,
 * mutex_intr) leaves an error pointer in the struct when the lock was not
 * taken; scoped_guard() skips its body then, scoped_cond_guard() runs its
 * fail statement, and ACQUIRE_ERR() returns the error.
 */
#ifndef KMODEL_CLEANUP_H
#define KMODEL_CLEANUP_H
#include <kmodel.h>

#define __cleanup(func) __attribute__((__cleanup__(func)))
#define __kmodel_inline static inline __attribute__((__always_inline__))
#define __kmodel_paste2(a, b) a##b
#define __kmodel_paste(a, b) __kmodel_paste2(a, b)
#define __UNIQUE_ID(prefix) __kmodel_paste(__kmodel_##prefix##_, __COUNTER__)

#define DEFINE_CLASS(_name, _type, _exit, _init, _init_args...)	\
	typedef _type class_##_name##_t;					\
	__kmodel_inline void class_##_name##_destructor(_type *p)		\
	{ _type _T = *p; _exit; }						\
	__kmodel_inline _type class_##_name##_constructor(_init_args)	\
	{ _type t = _init; return t; }

#define __DEFINE_CLASS_IS_CONDITIONAL(_name, _is_cond)			\
	static const bool class_##_name##_is_conditional = _is_cond

#define __GUARD_IS_ERR(_ptr)							\
	({ unsigned long _rc = (unsigned long)(_ptr);			\
	   unlikely((_rc - 1) >= -4095UL - 1); })

#define __DEFINE_GUARD_LOCK_PTR(_name, _exp)					\
	__kmodel_inline void *class_##_name##_lock_ptr(class_##_name##_t *_T) \
	{									\
		void *_ptr = (void *)(unsigned long)*(_exp);			\
		if (IS_ERR(_ptr))						\
			_ptr = NULL;						\
		return _ptr;							\
	}									\
	__kmodel_inline int class_##_name##_lock_err(class_##_name##_t *_T) \
	{									\
		long _rc = (unsigned long)*(_exp);				\
		if (!_rc)							\
			_rc = -EBUSY;						\
		if ((unsigned long)_rc < (unsigned long)-4095)			\
			_rc = 0;						\
		return _rc;							\
	}

#define DEFINE_GUARD(_name, _type, _lock, _unlock)				\
	DEFINE_CLASS(_name, _type, if (_T) { _unlock; }, ({ _lock; _T; }),	\
		     _type _T);							\
	__DEFINE_CLASS_IS_CONDITIONAL(_name, false);				\
	__DEFINE_GUARD_LOCK_PTR(_name, _T)

#define DEFINE_LOCK_GUARD_1(_name, _type, _lock, _unlock)			\
	typedef struct { _type *lock; } class_##_name##_t;			\
	__DEFINE_CLASS_IS_CONDITIONAL(_name, false);				\
	__DEFINE_GUARD_LOCK_PTR(_name, &_T->lock)				\
	__kmodel_inline void class_##_name##_destructor(class_##_name##_t *_T) \
	{ if (!__GUARD_IS_ERR(_T->lock)) { _unlock; } }			\
	__kmodel_inline class_##_name##_t class_##_name##_constructor(_type *l) \
	{ class_##_name##_t _t = { .lock = l }, *_T = &_t; _lock; return _t; }

/* _lock's result is _RET; the lock is held when _cond holds. */
#define DEFINE_LOCK_GUARD_1_COND(_name, _ext, _lock, _cond)		\
	typedef class_##_name##_t class_##_name##_ext##_t;			\
	__DEFINE_CLASS_IS_CONDITIONAL(_name##_ext, true);			\
	__kmodel_inline void class_##_name##_ext##_destructor(class_##_name##_t *_T) \
	{ if (__GUARD_IS_ERR(_T->lock)) return; class_##_name##_destructor(_T); } \
	__kmodel_inline class_##_name##_t class_##_name##_ext##_constructor(	\
		typeof(((class_##_name##_t *)0)->lock) l)			\
	{									\
		class_##_name##_t _t = { .lock = l }, *_T = &_t;		\
		int _RET = (_lock);						\
		if (_T->lock && !(_cond))					\
			_T->lock = ERR_PTR(_RET);				\
		return _t;							\
	}									\
	__kmodel_inline void *class_##_name##_ext##_lock_ptr(class_##_name##_t *_T) \
	{ return class_##_name##_lock_ptr(_T); }				\
	__kmodel_inline int class_##_name##_ext##_lock_err(class_##_name##_t *_T) \
	{ return class_##_name##_lock_err(_T); }

#define CLASS(_name, var)							\
	class_##_name##_t var __cleanup(class_##_name##_destructor) =		\
		class_##_name##_constructor
#define guard(_name) CLASS(_name, __UNIQUE_ID(guard))

#define __guard_ptr(_name) class_##_name##_lock_ptr
#define __guard_err(_name) class_##_name##_lock_err
#define __is_cond_ptr(_name) class_##_name##_is_conditional

#define ACQUIRE(_name, _var) CLASS(_name, _var)
#define ACQUIRE_ERR(_name, _var) __guard_err(_name)(_var)

#define __scoped_guard(_name, _label, args...)				\
	for (CLASS(_name, scope)(args);					\
	     __guard_ptr(_name)(&scope) || !__is_cond_ptr(_name);		\
	     ({ goto _label; }))						\
		if (0) {							\
_label:										\
			break;							\
		} else
#define scoped_guard(_name, args...)						\
	__scoped_guard(_name, __UNIQUE_ID(label), args)

#define __scoped_cond_guard(_name, _fail, _label, args...)			\
	for (CLASS(_name, scope)(args); true; ({ goto _label; }))		\
		if (!__guard_ptr(_name)(&scope)) {				\
			_fail;							\
_label:										\
			break;							\
		} else
#define scoped_cond_guard(_name, _fail, args...)				\
	__scoped_cond_guard(_name, _fail, __UNIQUE_ID(label), args)

DEFINE_LOCK_GUARD_1(mutex, struct mutex, mutex_lock(_T->lock), mutex_unlock(_T->lock))
DEFINE_LOCK_GUARD_1_COND(mutex, _try, mutex_trylock(_T->lock), _RET)
DEFINE_LOCK_GUARD_1_COND(mutex, _intr, mutex_lock_interruptible(_T->lock), _RET == 0)
DEFINE_LOCK_GUARD_1(rwsem_read, struct rw_semaphore, down_read(_T->lock), up_read(_T->lock))
DEFINE_LOCK_GUARD_1_COND(rwsem_read, _try, down_read_trylock(_T->lock), _RET)
DEFINE_GUARD(rwsem_write, struct rw_semaphore *, down_write(_T), up_write(_T))
#endif
