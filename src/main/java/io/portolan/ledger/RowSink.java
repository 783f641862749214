package io.portolan.ledger;

/** Receives a log's rows one at a time, as a cursor reads them. */
@FunctionalInterface
public interface RowSink<T> {
  void accept(T row) throws Exception;
}
