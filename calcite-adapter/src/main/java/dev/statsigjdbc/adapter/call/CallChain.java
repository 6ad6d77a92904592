package dev.statsigjdbc.adapter.call;

import java.util.List;

/** The links below the current one; the last link answers without passing on. */
final class CallChain {

  private final List<CallLink> links;
  private final int index;

  CallChain(List<CallLink> links) {
    this(List.copyOf(links), 0);
  }

  private CallChain(List<CallLink> links, int index) {
    this.links = links;
    this.index = index;
  }

  <R> R proceed(CallRequest<R> request, CallContext context) {
    if (index >= links.size()) {
      throw new IllegalStateException("The call chain ended without an answer for " + request.label());
    }
    return links.get(index).intercept(request, context, new CallChain(links, index + 1));
  }
}
