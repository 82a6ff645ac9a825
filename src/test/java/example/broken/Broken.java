package example.broken;

/** The root of a deliberately broken fixture application for the modularity tests. */
public class Broken {

}
