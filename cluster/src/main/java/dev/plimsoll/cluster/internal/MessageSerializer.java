package dev.plimsoll.cluster.internal;

import java.io.NotSerializableException;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorRefResolver;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.serialization.SerializerWithStringManifest;

/**
 * Binds {@link Message} to {@link MessageCodec} in Pekko's serialization (see {@link PekkoSettings}):
 * the manifest is the message's type. Pekko creates it by reflection, with the actor system.
 */
public final class MessageSerializer extends SerializerWithStringManifest {
  /** Pekko reserves 0 to 40 for itself. */
  static final int IDENTIFIER = 71_524_001;

  private final MessageCodec codec;

  public MessageSerializer(ExtendedActorSystem system) {
    ActorRefResolver resolver = ActorRefResolver.get(Adapter.toTyped(system));
    this.codec = new MessageCodec(new MessageCodec.Refs() {
      @Override
      public String toText(ActorRef<?> ref) {
        return resolver.toSerializationFormat(ref);
      }

      @Override
      public <T> ActorRef<T> fromText(String text) {
        return resolver.resolveActorRef(text);
      }
    });
  }

  @Override
  public int identifier() {
    return IDENTIFIER;
  }

  @Override
  public String manifest(Object o) {
    return MessageCodec.typeOf((Message) o);
  }

  @Override
  public byte[] toBinary(Object o) {
    return codec.encode((Message) o);
  }

  @Override
  public Object fromBinary(byte[] bytes, String manifest) throws NotSerializableException {
    try {
      return codec.decode(bytes);
    } catch (IllegalArgumentException e) {
      NotSerializableException refused = new NotSerializableException(e.getMessage());
      refused.initCause(e);
      throw refused;
    }
  }
}
