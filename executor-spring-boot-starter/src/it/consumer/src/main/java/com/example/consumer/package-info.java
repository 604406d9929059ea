/**
 * An application that depends on the starter by its coordinates.
 */
@NullMarked
package com.example.consumer;

import org.jspecify.annotations.NullMarked;
