package dev.statsigjdbc.adapter.call;

/**
 * One link of the call chain, with one job (OkHttp's interceptor shape): it may answer the
 * request itself, pass it on with {@code next.proceed}, or pass it on several times.
 */
interface CallLink {

  <R> R intercept(CallRequest<R> request, CallContext context, CallChain next);
}
