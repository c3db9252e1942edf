package org.microcredentials.reliability;

/** A flow a driver plays through {@code /engine-rest} as its people would, one step at a time. */
interface DrivenFlow {

  /** One action, or a look when there is nothing to do; true once the flow has ended. */
  boolean step();

  /** Whether {@link #step()} has seen the flow end. */
  boolean ended();

  /** Its business key once started, else null. */
  String businessKey();

  /** The last call of the flow not answered 2xx, with its answer; null if none. */
  String lastRefusal();

  /** Who does what, for a failure message. */
  String describe();
}
